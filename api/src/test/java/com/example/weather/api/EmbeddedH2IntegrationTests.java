package com.example.weather.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.example.weather.api.support.IngestJob;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The zero-configuration path: the job, run without a datasource, writes its embedded H2 file, and the API reads
 * the same file. Also checks that the API's SQL runs on H2 in PostgreSQL mode.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedH2IntegrationTests {

	private static final String URL_PROPERTY = "spring.datasource.url";

	@DynamicPropertySource
	static void jobsH2File(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Path.of("target", "h2-smoke").toAbsolutePath();
		FileSystemUtils.deleteRecursively(folder);
		Files.createDirectories(folder);
		IngestJob.run("2026-11-24", folder, Map.of());
		// the default URL, made absolute: the job ran in another folder than this test
		String url = apiDefault(URL_PROPERTY).replace("./data/", folder.resolve("data") + "/");
		registry.add(URL_PROPERTY, () -> url);
	}

	@Autowired
	MockMvc mvc;

	@Test
	void theApiDefaultsToTheJobsEmbeddedDatabase() throws IOException {
		assertThat(apiDefault(URL_PROPERTY)).startsWith("jdbc:h2:file:./data/weather;").isEqualTo(jobDefault(URL_PROPERTY));
	}

	@Test
	void servesWhatTheJobLoaded() throws Exception {
		this.mvc.perform(get("/api/weather?station_id=ALPHA1&start_date=2021-01-02"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data[*].max_temp_c").value(contains(3.0, 46.0)))
			.andExpect(jsonPath("$.data[1].quality_flags").value(contains("EXTREME_HEAT", "EXTREME_PRECIPITATION")));
		this.mvc.perform(get("/api/weather/stats?year=2021"))
			.andExpect(jsonPath("$.data[*].avg_min_temp_c").value(contains(5.33, 16.0)));
		this.mvc.perform(get("/api/stations/CHARLIE3")).andExpect(jsonPath("$.observation_count").value(1));
		this.mvc.perform(get("/api/jobs/1"))
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.partitions[?(@.step_name =~ /ingestFile:.*/)]").value(hasSize(3)));
		this.mvc.perform(get("/api/jobs/1/rejects")).andExpect(jsonPath("$.pagination.total").value(3));
		// the console's endpoints: execution contexts, the overview and the station search
		this.mvc.perform(get("/api/runs")).andExpect(jsonPath("$.data[0].inserted").value(9));
		this.mvc.perform(get("/api/runs/1/partitions")).andExpect(jsonPath("$.data[0].inserted").value(5));
		this.mvc.perform(get("/api/overview")).andExpect(jsonPath("$.years").value(3));
		this.mvc.perform(get("/api/stations?q=rav")).andExpect(jsonPath("$.pagination.total").value(1));
		this.mvc.perform(get("/api/health")).andExpect(jsonPath("$.last_load_execution_id").value(1));
	}

	@Test
	void keysetPaginationAndCsvWorkOnH2() throws Exception {
		String first = this.mvc.perform(get("/api/weather?per_page=4"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String second = this.mvc.perform(get("/api/weather?per_page=4&cursor=" + JsonPath.read(first, "$.pagination.next_cursor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).isEqualTo(this.mvc.perform(get("/api/weather?per_page=4&page=2"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.mvc.perform(get("/api/weather/stats?station_id=ALPHA1&format=csv"))
			.andExpect(content().string("""
					station_id,year,avg_max_temp_c,avg_min_temp_c,total_precipitation_cm,max_temp_days,min_temp_days,\
					precipitation_days\r
					ALPHA1,2020,4.00,-1.50,0.25,2,2,2\r
					ALPHA1,2021,24.50,5.33,36.20,2,3,2\r
					"""));
	}

	private static String apiDefault(String property) throws IOException {
		return yaml(new ClassPathResource("application.yml").getContentAsByteArray()).getProperty(property);
	}

	private static String jobDefault(String property) throws IOException {
		try (ZipFile jar = new ZipFile(IngestJob.jar().toFile())) {
			ZipEntry entry = jar.getEntry("BOOT-INF/classes/application.yml");
			try (InputStream in = jar.getInputStream(entry)) {
				return yaml(in.readAllBytes()).getProperty(property);
			}
		}
	}

	private static Properties yaml(byte[] content) {
		YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
		factory.setResources(new ByteArrayResource(content));
		return factory.getObject();
	}

}
