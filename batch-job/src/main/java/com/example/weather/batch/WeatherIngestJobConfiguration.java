package com.example.weather.batch;

import javax.sql.DataSource;

import com.example.weather.batch.ingest.IngestFileManifest;
import com.example.weather.batch.ingest.IngestProgress;
import com.example.weather.batch.ingest.IngestReport;
import com.example.weather.batch.ingest.ObservationLine;
import com.example.weather.batch.ingest.ObservationUpsert;
import com.example.weather.batch.ingest.ObservationValidator;
import com.example.weather.batch.ingest.ObservationWriter;
import com.example.weather.batch.ingest.RejectLog;
import com.example.weather.batch.ingest.StationFile;
import com.example.weather.batch.ingest.StationFilePartitioner;
import com.example.weather.batch.ingest.StationFileReader;
import com.example.weather.batch.ingest.StationFilePartitionHandler;
import com.example.weather.batch.ingest.StationOrderSplitter;
import com.example.weather.batch.ingest.ValidatedLine;
import com.example.weather.batch.launch.RunLockFence;
import com.example.weather.batch.launch.StopOnShutdown;
import com.example.weather.batch.metrics.IngestMetrics;
import com.example.weather.batch.partitioning.RunFence;
import com.example.weather.batch.partitioning.WorkerIdentity;
import com.example.weather.batch.stats.StationRangePartitioner;
import com.example.weather.batch.stats.YearlyStatsRefresh;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code weatherIngestJob}: one partition per station file, each a chunk-oriented step that reads lines,
 * validates them and upserts them; then a SQL step that refreshes the yearly statistics of what changed, one
 * partition per range of stations. The job instance is named by the
 * {@code run.date} parameter, so a rerun with the same date restarts a failed night.
 * <p>
 * The partitions run on threads of this process unless {@code ingest.partitioning=remote}: then
 * {@code partitioning/ManagerConfiguration} defines {@code ingestFiles} and {@code refreshYearlyStats}, which send
 * the same partitions of the same steps to worker processes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class WeatherIngestJobConfiguration {

	public static final String JOB_NAME = "weatherIngestJob";

	@Bean
	public Job weatherIngestJob(JobRepository jobRepository, Step ingestFiles, Step refreshYearlyStats,
			IngestReport ingestReport, StopOnShutdown stopOnShutdown, IngestMetrics ingestMetrics,
			RunLockFence runLockFence) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(runLockFence)
			.listener(ingestReport)
			.listener(stopOnShutdown)
			.listener(ingestMetrics)
			.start(ingestFiles)
			.next(refreshYearlyStats)
			.build();
	}

	@Bean
	@ConditionalOnProperty(name = "ingest.partitioning", havingValue = "local", matchIfMissing = true)
	public Step ingestFiles(JobRepository jobRepository, StationFilePartitioner stationFilePartitioner,
			Step ingestFile, IngestProperties properties) {
		return new StepBuilder("ingestFiles", jobRepository).partitioner(ingestFile)
			.splitter(new StationOrderSplitter(jobRepository, ingestFile.getName(), stationFilePartitioner))
			.partitionHandler(new StationFilePartitionHandler(ingestFile, properties.concurrency(), "ingest-"))
			.build();
	}

	@Bean
	public Step ingestFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StationFileReader stationFileReader, ObservationValidator observationValidator,
			ObservationWriter observationWriter, IngestReport ingestReport, IngestFileManifest ingestFileManifest,
			IngestProperties properties, WorkerIdentity workerIdentity, RunFence runFence) {
		return new StepBuilder("ingestFile", jobRepository)
			.<ObservationLine, ValidatedLine>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(stationFileReader)
			.processor(observationValidator)
			.writer(observationWriter)
			.interruptionPolicy(runFence)
			.listener(workerIdentity)
			.listener(ingestReport)
			.listener(ingestFileManifest)
			.build();
	}

	@Bean
	@ConditionalOnProperty(name = "ingest.partitioning", havingValue = "local", matchIfMissing = true)
	public Step refreshYearlyStats(JobRepository jobRepository, StationRangePartitioner stationRangePartitioner,
			Step refreshStationStats, IngestProperties properties) {
		return new StepBuilder("refreshYearlyStats", jobRepository)
			.partitioner(refreshStationStats.getName(), stationRangePartitioner)
			.step(refreshStationStats)
			.gridSize(properties.concurrency())
			.taskExecutor(partitionsAtOnce("stats-", properties))
			.build();
	}

	@Bean
	public Step refreshStationStats(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			YearlyStatsRefresh yearlyStatsRefresh, WorkerIdentity workerIdentity) {
		return new StepBuilder("refreshStationStats", jobRepository).tasklet(yearlyStatsRefresh, transactionManager)
			.listener(workerIdentity)
			.build();
	}

	private static SimpleAsyncTaskExecutor partitionsAtOnce(String threadNamePrefix, IngestProperties properties) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadNamePrefix);
		executor.setConcurrencyLimit(properties.concurrency());
		return executor;
	}

	@Bean
	@JobScope
	public StationFilePartitioner stationFilePartitioner(ResourcePatternResolver stationFileResolver,
			IngestProperties properties, IngestProgress ingestProgress, IngestFileManifest ingestFileManifest,
			@Value("#{jobParameters['force']}") String force) {
		return new StationFilePartitioner(stationFileResolver, properties.input(), ingestProgress, ingestFileManifest,
				Boolean.parseBoolean(force));
	}

	@Bean
	public StationRangePartitioner stationRangePartitioner(JdbcTemplate jdbcTemplate) {
		return new StationRangePartitioner(jdbcTemplate);
	}

	@Bean
	public StationFileReader stationFileReader(ResourceLoader resourceLoader, ObjectProvider<S3Client> s3Client) {
		return new StationFileReader(resourceLoader, s3Client.getIfAvailable());
	}

	@Bean
	public ObservationValidator observationValidator() {
		return new ObservationValidator();
	}

	@Bean
	@StepScope
	public ObservationWriter observationWriter(@Value("#{stepExecution}") StepExecution stepExecution,
			ObservationUpsert observationUpsert, RejectLog rejectLog, IngestProgress ingestProgress,
			RunLockFence runLockFence, IngestProperties properties) {
		return new ObservationWriter(observationUpsert, rejectLog, ingestProgress, runLockFence,
				StationFile.from(stepExecution.getExecutionContext()).stationId(), stepExecution.getJobExecution(),
				properties.rejectLimit());
	}

	@Bean
	public ObservationUpsert observationUpsert(DataSource dataSource) {
		return new ObservationUpsert(dataSource);
	}

	@Bean
	public YearlyStatsRefresh yearlyStatsRefresh(JdbcTemplate jdbcTemplate, RunLockFence runLockFence) {
		return new YearlyStatsRefresh(jdbcTemplate, runLockFence);
	}

	@Bean
	public IngestFileManifest ingestFileManifest(JdbcTemplate jdbcTemplate, ObjectProvider<S3Client> s3Client,
			ResourceLoader resourceLoader, JobRepository jobRepository) {
		return new IngestFileManifest(jdbcTemplate, s3Client.getIfAvailable(), resourceLoader, jobRepository);
	}

	@Bean
	public RejectLog rejectLog(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
		return new RejectLog(jdbcTemplate, transactionManager);
	}

	@Bean
	public IngestProgress ingestProgress() {
		return new IngestProgress();
	}

	@Bean
	public IngestReport ingestReport(IngestProgress ingestProgress, JobRepository jobRepository,
			IngestProperties properties) {
		return new IngestReport(ingestProgress, jobRepository, properties.progressInterval());
	}

}
