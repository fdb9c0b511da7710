package com.example.weather.batch.launch;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

/**
 * Runs the job once when the application starts, with the command line's {@code run.date}, and keeps the exit
 * code for {@code SpringApplication.exit}.
 */
public class IngestCommandLineRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final Log logger = LogFactory.getLog(IngestCommandLineRunner.class);

	private final IngestLauncher launcher;

	private final Environment environment;

	private final Clock clock;

	private volatile IngestExitCode exitCode = IngestExitCode.NOT_COMPLETED;

	public IngestCommandLineRunner(IngestLauncher launcher, Environment environment, Clock clock) {
		this.launcher = launcher;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		IngestArguments arguments;
		try {
			arguments = IngestArguments.parse(args.getNonOptionArgs(),
					this.environment.getProperty(IngestArguments.RUN_DATE), this.clock);
		}
		catch (IllegalArgumentException ex) {
			logger.error(ex.getMessage());
			this.exitCode = IngestExitCode.INVALID_ARGUMENTS;
			return;
		}
		this.exitCode = this.launcher.launch(arguments);
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

}
