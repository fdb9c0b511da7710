package com.example.weather.batch;

import java.time.Clock;

import javax.sql.DataSource;

import com.example.weather.batch.launch.IngestCommandLineRunner;
import com.example.weather.batch.launch.IngestLauncher;
import com.example.weather.batch.launch.IngestRunLock;
import com.example.weather.batch.launch.IngestSettingsCheck;
import com.example.weather.batch.launch.RunLockFence;
import com.example.weather.batch.launch.StopOnShutdown;
import com.example.weather.batch.launch.TakenOverExecutionRecords;
import io.awspring.cloud.s3.S3PathMatchingResourcePatternResolver;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ingest job as a command: loads the station files once and exits with the job's status.
 */
@SpringBootApplication
public class WeatherIngestApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WeatherIngestApplication.class);
		// StopOnShutdown stops the job on SIGTERM; the context must stay open until the job has recorded it
		application.setRegisterShutdownHook(false);
		application.addListeners(new IngestSettingsCheck(Clock.systemUTC()));
		System.exit(SpringApplication.exit(application.run(args)));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "ingest.run-on-startup", matchIfMissing = true)
	// a worker (partitioning/WorkerConfiguration) takes partition requests instead
	@ConditionalOnBooleanProperty(name = "ingest.worker", havingValue = false, matchIfMissing = true)
	IngestCommandLineRunner ingestCommandLineRunner(IngestLauncher ingestLauncher, Environment environment) {
		return new IngestCommandLineRunner(ingestLauncher, environment, Clock.systemUTC());
	}

	@Bean
	IngestLauncher ingestLauncher(Job weatherIngestJob, JobOperator jobOperator, JobRepository jobRepository,
			IngestRunLock ingestRunLock, StopOnShutdown stopOnShutdown, IngestProperties properties) {
		return new IngestLauncher(weatherIngestJob, jobOperator, jobRepository, ingestRunLock, stopOnShutdown,
				properties.databaseOutageTimeout());
	}

	@Bean
	IngestRunLock ingestRunLock(DataSource dataSource) {
		return new IngestRunLock(dataSource);
	}

	@Bean
	RunLockFence runLockFence(IngestRunLock ingestRunLock, JobRepository jobRepository, JdbcTemplate jdbcTemplate) {
		return new RunLockFence(ingestRunLock, jobRepository, jdbcTemplate);
	}

	@Bean
	static BeanPostProcessor takenOverExecutionRecords(ObjectProvider<RunLockFence> runLockFence) {
		return TakenOverExecutionRecords.applyToJobRepository(runLockFence);
	}

	@Bean
	static AsynchronousCommit asynchronousCommit(Environment environment) {
		return new AsynchronousCommit(environment);
	}

	@Bean
	StopOnShutdown stopOnShutdown(JobOperator jobOperator, IngestProperties properties) {
		return new StopOnShutdown(jobOperator, properties.stopTimeout());
	}

	/** Lists station files on disk, on the classpath, and in S3 buckets ({@code s3://bucket/prefix/}). */
	@Bean
	ResourcePatternResolver stationFileResolver(ResourceLoader resourceLoader, ObjectProvider<S3Client> s3Client) {
		ResourcePatternResolver local = new PathMatchingResourcePatternResolver(resourceLoader);
		S3Client client = s3Client.getIfAvailable();
		return (client != null) ? new S3PathMatchingResourcePatternResolver(client, local) : local;
	}

}
