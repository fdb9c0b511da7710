package com.example.weather.api.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reads execution contexts as Spring Batch's default serializer writes them (the job uses it), without
 * Spring Batch on its own class path.
 */
class ExecutionContextsTests {

	@Test
	void readsWhatSpringBatchWrites() throws IOException {
		Map<String, Object> context = new HashMap<>();
		context.put("ingest.inserted", 10950L);
		context.put("worker", "host ip-10-0-1-7 pid 4242");
		context.put("file.name", "USC00110072.txt");
		context.put("batch.executed", true);

		Map<String, Object> read = ExecutionContexts.read(serialized(context));

		assertThat(ExecutionContexts.number(read, "ingest.inserted")).isEqualTo(10950L);
		assertThat(ExecutionContexts.string(read, "worker")).isEqualTo("host ip-10-0-1-7 pid 4242");
		assertThat(ExecutionContexts.string(read, "file.name")).isEqualTo("USC00110072.txt");
		assertThat(ExecutionContexts.number(read, "ingest.updated")).isNull();
		assertThat(ExecutionContexts.string(read, "ingest.inserted")).as("not a string").isNull();
	}

	@Test
	void refusesClassesOutsideTheJdksValueTypes() throws IOException {
		Map<String, Object> context = new HashMap<>();
		context.put("ingest.inserted", 1L);
		context.put("foreign", new SimpleDateFormat("yyyy"));

		assertThat(ExecutionContexts.read(serialized(context))).isEmpty();
	}

	@Test
	void anAbsentOrDamagedContextIsEmpty() {
		assertThat(ExecutionContexts.read(null)).isEmpty();
		assertThat(ExecutionContexts.read("")).isEmpty();
		assertThat(ExecutionContexts.read("not base64 at all %%%")).isEmpty();
		assertThat(ExecutionContexts.read("{\"ingest.inserted\": 1}")).isEmpty();
	}

	private static String serialized(Map<String, Object> context) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new DefaultExecutionContextSerializer().serialize(context, out);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

}
