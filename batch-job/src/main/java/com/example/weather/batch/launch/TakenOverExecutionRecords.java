package com.example.weather.batch.launch;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Leaves the record of an execution that another run has taken over as that run wrote it.
 * <p>
 * A run whose lock died with its connection lives on until its next chunk finds the lock gone
 * ({@link RunLockFence}); then it records how its steps and its job ended. The run that took the lock may already
 * have recovered that execution, marking it and its running steps FAILED. Spring Batch would then refuse the stale
 * step record on its version and mark the step, and with it the whole execution, UNKNOWN: a status it never
 * restarts from, written after the new run had cleared the way. So when the job repository refuses to update a step
 * or job execution on its version, and the run of that execution no longer holds its lock, the update is dropped:
 * the record stays as the run holding the lock left it. Any other refusal, the run holding the lock's own included
 * (its recovery racing the last writes of the run it took over from), is Spring Batch's as before.
 */
public final class TakenOverExecutionRecords implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(TakenOverExecutionRecords.class);

	private final ObjectProvider<RunLockFence> fence;

	private TakenOverExecutionRecords(ObjectProvider<RunLockFence> fence) {
		this.fence = fence;
	}

	/** Puts this in front of the {@link JobRepository} bean; the fence is looked up when first needed. */
	public static BeanPostProcessor applyToJobRepository(ObjectProvider<RunLockFence> fence) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JobRepository)) {
					return bean;
				}
				ProxyFactory proxy = new ProxyFactory();
				proxy.setTarget(bean);
				proxy.addInterface(JobRepository.class);
				proxy.addAdvice(new TakenOverExecutionRecords(fence));
				return proxy.getProxy(JobRepository.class.getClassLoader());
			}

		};
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		try {
			return invocation.proceed();
		}
		catch (OptimisticLockingFailureException ex) {
			JobExecution execution = updatedExecution(invocation);
			if (execution == null || !lostLock(execution, ex)) {
				throw ex;
			}
			String record = (invocation.getArguments()[0] instanceof StepExecution step)
					? "step " + step.getStepName() + " " + step.getStatus() : "job " + execution.getStatus();
			logger.warn(("This run lost its run lock, and the run that holds it now has recorded execution %d: "
					+ "keeping that record rather than this run's %s").formatted(execution.getId(), record));
			return null;
		}
	}

	private static JobExecution updatedExecution(MethodInvocation invocation) {
		if (!invocation.getMethod().getName().equals("update") || invocation.getArguments().length != 1) {
			return null;
		}
		return switch (invocation.getArguments()[0]) {
			case StepExecution step -> step.getJobExecution();
			case JobExecution job -> job;
			default -> null;
		};
	}

	private boolean lostLock(JobExecution execution, OptimisticLockingFailureException refusal) {
		try {
			return this.fence.getObject().lostLock(execution);
		}
		catch (RuntimeException ex) {
			refusal.addSuppressed(ex);
			return false;
		}
	}

}
