package com.example.weather.api.jobs;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureDescriptionsTests {

	@Test
	void aTraceBecomesItsMessagesWithoutClassesFramesOrPaths() {
		String trace = """
				org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
					at org.springframework.batch.core.step.item.ChunkOrientedStep.doExecute(ChunkOrientedStep.java:1)
				Caused by: java.io.UncheckedIOException: Could not read s3://weather-files/ghcn/USC00110072.txt.gz
					at com.example.Reader.read(Reader.java:3)
				Caused by: software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not \
				exist. (Service: S3, Status Code: 404, Request ID: 8F2A, Extended Request ID: xyz=) (SDK Attempt Count: 1)
					... 12 more""";

		String reason = FailureDescriptions.reason(trace);

		assertThat(reason).isEqualTo("Unable to process chunk: Could not read USC00110072.txt.gz: The specified key "
				+ "does not exist.");
	}

	@Test
	void aFolderIsTheInputLocationAndAFileItsName() {
		assertThat(FailureDescriptions.clean("Could not list the input files at file:/data/wx/"))
			.isEqualTo("Could not list the input files at the input location");
		assertThat(FailureDescriptions.clean("Input resource must exist: file [/srv/in/A1.txt]"))
			.isEqualTo("Input resource must exist: A1.txt");
		assertThat(FailureDescriptions.clean("expected 4 fields: found 3 of 1/2")).isEqualTo("expected 4 fields: found 3 of 1/2");
	}

	@Test
	void theFailedFileIsNamedFirstAndOthersCounted() {
		String line = FailureDescriptions.describe("org.springframework.batch.core.job.JobExecutionException: "
				+ "Partition handler returned an unsuccessful step", List.of(
						new String[] { "ingestFiles", "JobExecutionException: Partition handler returned an unsuccessful step" },
						new String[] { "ingestFile:B2.txt", "java.io.IOException: disk gone\n\tat x.y(Z.java:1)" },
						new String[] { "ingestFile:C3.txt", "java.io.IOException: disk gone" },
						new String[] { "ingestFile:D4.txt", null }));

		assertThat(line).isEqualTo("B2.txt: disk gone (and 2 more files)");
	}

	@Test
	void theJobsOwnReasonForAFileIsToldWithoutWhatSpringBatchWrappedAroundIt() {
		String line = FailureDescriptions.describe("failed", List.<String[]>of(new String[] { "ingestFile:E5.txt.gz",
				"org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk\n"
						+ "\tat a.b(C.java:1)\n"
						+ "Caused by: com.example.weather.batch.ingest.StationFileException: E5.txt.gz: is empty (0 bytes)\n"
						+ "\tat d.e(F.java:2)" }));

		assertThat(line).isEqualTo("E5.txt.gz: is empty (0 bytes)");
	}

	@Test
	void withoutStepsTheJobsOwnMessageIsToldAndAnExceptionWithoutMessageByItsName() {
		assertThat(FailureDescriptions.describe(
				"com.example.weather.batch.ingest.RejectLimitExceededException: 1001 lines rejected in this run, "
						+ "over the limit of 1000 (ingest.reject-limit); see ingest_reject\n\tat a.b(C.java:1)",
				List.of())).isEqualTo("1001 lines rejected in this run, over the limit of 1000 (ingest.reject-limit); "
						+ "see ingest_reject");
		assertThat(FailureDescriptions.reason("java.lang.NullPointerException\n\tat a.b(C.java:1)"))
			.isEqualTo("failed (NullPointerException)");
	}

}
