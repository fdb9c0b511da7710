package com.example.weather.batch.launch;

import java.util.Optional;

import javax.sql.DataSource;

import com.example.weather.batch.IngestJobTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run that lost its lock records its end after the run that took the lock over has recovered its execution:
 * what the job repository keeps. Real locks on the test's PostgreSQL, the application's own job repository; the run
 * that lost its lock is played by this test's own lock and the execution it creates.
 */
class TakenOverExecutionRecordsIntegrationTests extends IngestJobTestSupport {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private IngestRunLock runLock;

	@Autowired
	private JobOperator jobOperator;

	private IngestRunLock.Held lostRunLock;

	private IngestRunLock.Held takeOverLock;

	@AfterEach
	void releaseLocks() {
		for (IngestRunLock.Held held : new IngestRunLock.Held[] { this.takeOverLock, this.lostRunLock }) {
			if (held != null) {
				held.close();
			}
		}
	}

	@Test
	void givenAnExecutionRecoveredByTheRunThatTookTheLockOver_whenTheRunThatLostItRecordsItsEnd_thenTheRecoveryStands() {
		JobExecution lostRun = executionOfARunHoldingTheLock();
		StepExecution lostRunStep = lostRun.getStepExecutions().iterator().next();
		killLostRunLockSession();
		takeTheLockOverAndRecover(lostRun.getId());
		this.takeOverLock.close();

		// as AbstractStep and AbstractJob record an end: neither is refused, and nothing becomes UNKNOWN
		lostRunStep.setStatus(BatchStatus.COMPLETED);
		this.jobRepository.update(lostRunStep);
		lostRun.setStatus(BatchStatus.FAILED);
		this.jobRepository.update(lostRun);

		assertThat(this.jdbc.queryForList("SELECT status FROM batch_step_execution", String.class))
			.as("the step as the recovery left it")
			.containsExactly("FAILED");
		assertThat(this.jdbc.queryForList("SELECT status FROM batch_job_execution", String.class))
			.containsExactly("FAILED");
	}

	@Test
	void givenTheRunHoldingTheLock_whenItsUpdateOfAnExecutionItTookOverIsRefused_thenItSeesTheRefusal() {
		JobExecution lostRun = executionOfARunHoldingTheLock();
		killLostRunLockSession();
		Optional<IngestRunLock.Held> held = this.runLock.tryAcquire(new StringBuilder());
		this.takeOverLock = held.orElseThrow();
		StepExecution first = this.jobRepository.getJobExecution(lostRun.getId()).getStepExecutions().iterator().next();
		StepExecution second = this.jobRepository.getJobExecution(lostRun.getId())
			.getStepExecutions()
			.iterator()
			.next();
		this.jobRepository.update(first);

		// its recovery racing the last writes of the run it took over from: IngestLauncher reads again and retries
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.jobRepository.update(second));
	}

	@Test
	void givenARunThatStillHoldsItsLock_whenAnUpdateOfItsExecutionIsRefused_thenItSeesTheRefusal() {
		JobExecution run = executionOfARunHoldingTheLock();
		StepExecution stale = run.getStepExecutions().iterator().next();
		this.jobRepository.update(this.jobRepository.getStepExecution(stale.getId()));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.jobRepository.update(stale));
	}

	/** An execution with one running step, its context naming the lock of a run that holds it. */
	private JobExecution executionOfARunHoldingTheLock() {
		this.lostRunLock = new IngestRunLock(this.dataSource).tryAcquire(new StringBuilder()).orElseThrow();
		JobParameters parameters = new JobParametersBuilder().addString("run.date", "2026-12-06").toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("takeOverTest", parameters);
		ExecutionContext context = new ExecutionContext();
		context.putString(RunLockFence.TOKEN_KEY, this.lostRunLock.token());
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, context);
		execution.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(execution);
		StepExecution step = this.jobRepository.createStepExecution("ingestFile:A.txt", execution);
		step.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(step);
		return execution;
	}

	/** Its process lives on; its lock is gone with its connection. */
	private void killLostRunLockSession() {
		String pid = this.lostRunLock.token().substring(0, this.lostRunLock.token().indexOf('@'));
		// waits until the session has ended, its lock with it
		assertThat(this.jdbc.queryForObject("SELECT pg_terminate_backend(" + pid + ", 30000)", Boolean.class)).isTrue();
	}

	private void takeTheLockOverAndRecover(long executionId) {
		this.takeOverLock = this.runLock.tryAcquire(new StringBuilder()).orElseThrow();
		this.jobOperator.recover(this.jobRepository.getJobExecution(executionId));
	}

}
