package com.example.weather.api.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import com.example.weather.api.support.IngestJob;
import com.example.weather.api.support.LoadedWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real browser (Debian's chromium, driven through its chromedriver; nothing is downloaded),
 * against the API on a real port, over data the real job loaded: two nights, the second of which failed.
 * <p>
 * It also takes the screenshots of docs/console.md: into {@code target/console-screenshots/}, or into the folder
 * the system property {@code console.screenshots} names ({@code -Dconsole.screenshots=../docs/images}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ConsoleBrowserTests.ConsoleWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

	private static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	private WebDriverWait wait;

	private Path userDataDir;

	@BeforeAll
	void startBrowser() throws Exception {
		assertThat(Path.of(CHROMIUM)).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
		assertThat(Path.of(CHROMEDRIVER)).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
		this.userDataDir = Files.createTempDirectory("console-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + this.userDataDir);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		// the driver's path is given, so Selenium Manager never looks for (or downloads) one
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		ConsoleWarehouse.start().get(5, TimeUnit.MINUTES);
	}

	@AfterAll
	void stopBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.userDataDir != null) {
			try (var files = Files.walk(this.userDataDir)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@BeforeEach
	void desktopWidth() {
		this.browser.manage().window().setSize(new Dimension(1280, 1000));
	}

	@AfterEach
	void noErrorsInTheBrowserConsole() {
		assertThat(severe(consoleLog())).as("errors in the browser console").isEmpty();
	}

	@Test
	void runsPageShowsTheOverviewAndTheFailedNightAsFailed() throws IOException {
		open("/");
		WebElement failed = this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//table[contains(@class,'runs')]//tr[td[contains(.,'2026-11-23')]]")));
		assertThat(failed.getAttribute("class")).contains("status-failed");
		assertThat(failed.findElement(By.cssSelector(".badge")).getText()).isEqualTo("FAILED");
		assertThat(rowOf("runs", "2026-11-22").findElement(By.cssSelector(".badge")).getText()).isEqualTo("COMPLETED");
		assertThat(text(".cards")).contains("STATIONS\n4").contains("DAILY OBSERVATIONS\n7,307").contains("2012–2020");
		assertThat(this.browser.findElement(By.linkText("API docs")).getAttribute("href")).endsWith("/swagger-ui.html");
		assertThat(chartData("runs-chart").get(0)).hasSize(2);
		screenshot("console-overview.png");
	}

	@Test
	void runPageListsItsRejectedLinesAndTheRerunCommandAndTheBackButtonWorks() {
		open("/");
		rowOf("runs", "2026-11-22").findElement(By.tagName("a")).click();
		WebElement rejects = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.rejects tbody")));
		assertThat(rejects.findElements(By.tagName("tr"))).hasSize(3);
		assertThat(rejects.getText()).contains("DELTA4.txt 41 UNPARSEABLE_FIELD")
			.contains("ECHO5.txt 11 TEMPERATURE_OUT_OF_RANGE")
			.contains("20120209→  abc→  -56→    0");
		assertThat(this.browser.findElement(By.cssSelector("[data-command=jar]")).getText())
			.isEqualTo("java -jar batch-job.jar run.date=2026-11-22");
		assertThat(text("table.partitions")).contains("DELTA4.txt").contains("statistics");
		assertThat(this.browser.getCurrentUrl()).matches(".*#/runs/\\d+$");

		this.browser.navigate().back();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.runs")));
		assertThat(this.browser.getCurrentUrl()).doesNotContain("#/runs/");
	}

	@Test
	void failedRunPageSaysHowToRerunTheNight() {
		open("/");
		rowOf("runs", "2026-11-23").findElement(By.tagName("a")).click();
		WebElement rerun = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rerun")));
		assertThat(rerun.getAttribute("class")).contains("attention");
		assertThat(rerun.findElement(By.cssSelector("[data-command=jar]")).getText())
			.isEqualTo("java -jar batch-job.jar run.date=2026-11-23 force=true");
		assertThat(text("table.partitions")).contains("FAILED").contains("RejectLimitExceededException");
	}

	@Test
	void stationChartHasOnePointPerYearWithDataAndAGapForAYearWithout() throws IOException {
		open("/#/stations/DELTA4?year=2019");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#daily-chart")));
		List<List<Object>> yearly = chartData("yearly-temperature");
		assertThat(yearly.get(0)).extracting(Number.class::cast)
			.extracting(Number::intValue)
			.containsExactly(2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020);
		for (List<Object> series : yearly.subList(1, 3)) {
			assertThat(series.get(4)).as("2016 has no data: a gap, not a zero").isNull();
			assertThat(series.subList(0, 4)).doesNotContainNull();
			assertThat(series.subList(5, 9)).doesNotContainNull();
		}
		assertThat(chartData("yearly-precipitation").get(1).get(4)).isNull();
		assertThat(chartData("daily-chart").get(0)).hasSize(365);
		assertThat(axisLabels("yearly-temperature")).containsExactly("Year", "Temperature (°C)");
		assertThat(axisLabels("yearly-precipitation")).containsExactly("Year", "Precipitation (cm)");
		assertThat(axisLabels("daily-chart")).containsExactly("Day", "Temperature (°C)", "Precipitation (mm)");
		assertThat(this.browser.findElement(By.linkText("Download the daily values of 2019 (CSV)"))
			.getAttribute("href")).endsWith("/api/weather?station_id=DELTA4&start_date=2019-01-01&end_date=2019-12-31&format=csv");
		screenshot("console-station.png");
	}

	@Test
	void searchFindsAStation() {
		open("/#/stations");
		WebElement search = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("station-search")));
		search.sendKeys("trot");
		this.wait.until(ExpectedConditions.textToBe(By.id("station-count"), "1 stations whose id contains “trot”"));
		assertThat(this.browser.getCurrentUrl()).endsWith("#/stations?q=trot");
		this.browser.findElement(By.linkText("FOXTROT6")).click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Station FOXTROT6"));
	}

	@Test
	void bookmarkedStationAddressOpensThatStationAndYear() {
		open("/#/stations/ECHO5?year=2015");
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Station ECHO5"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#daily-chart figcaption"),
				"Daily values, 2015"));
		assertThat(this.browser.findElement(By.id("year")).getAttribute("value")).isEqualTo("2015");
	}

	@Test
	void pagesFitAPhoneWidth() {
		this.browser.manage().window().setSize(new Dimension(390, 844));
		for (String page : List.of("/", "/#/stations/DELTA4")) {
			open(page);
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.chart")));
			Object overflow = this.browser
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow of " + page).isLessThanOrEqualTo(0);
		}
	}

	@Test
	void unknownStationIsAMessageNotABlankPage() {
		open("/#/stations/NOPE");
		WebElement message = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.error")));
		assertThat(message.getText()).contains("No station 'NOPE'").contains("Back to the stations");
		// the browser reports the API's 404 itself; nothing else may fail
		assertThat(severe(consoleLog())).allMatch((entry) -> entry.getMessage().contains("404"));
	}

	private void open(String path) {
		// a new document each time: the previous page's state cannot leak into the next test
		this.browser.get("about:blank");
		this.browser.get("http://localhost:" + this.port + path);
	}

	private WebElement rowOf(String table, String text) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//table[contains(@class,'" + table + "')]//tr[td[contains(.,'" + text + "')]]")));
	}

	private String text(String css) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).getText();
	}

	@SuppressWarnings("unchecked")
	private List<List<Object>> chartData(String id) {
		return (List<List<Object>>) ((JavascriptExecutor) this.browser)
			.executeScript("return window.weatherConsole.charts[arguments[0]].data", id);
	}

	/** uPlot draws its axes on a canvas: their labels are read from the chart. */
	@SuppressWarnings("unchecked")
	private List<String> axisLabels(String id) {
		return (List<String>) ((JavascriptExecutor) this.browser)
			.executeScript("return window.weatherConsole.charts[arguments[0]].axes.map((a) => a.label)", id);
	}

	private List<LogEntry> consoleLog() {
		return this.browser.manage().logs().get(LogType.BROWSER).getAll();
	}

	private static List<LogEntry> severe(List<LogEntry> entries) {
		return entries.stream().filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
	}

	/** The whole page at a desktop width, drawn at that size (no scroll bar), into the screenshots folder. */
	private void screenshot(String name) throws IOException {
		Number height = (Number) this.browser.executeScript("return document.documentElement.scrollHeight");
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height",
				Math.min(height.intValue(), 2000), "deviceScaleFactor", 1, "mobile", false));
		try {
			// let the charts redraw to the new size before the picture is taken
			this.browser.executeAsyncScript(
					"const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()))");
			String folder = System.getProperty("console.screenshots", "target/console-screenshots");
			Path target = Path.of(folder, name);
			Files.createDirectories(target.getParent());
			Files.write(target, this.browser.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/**
	 * The console's own database: two nights loaded by the real job, the second failing on its reject limit. The
	 * job runs while the application and the browser start (the API opens no connection before a request); the
	 * tests wait for it in {@link #startBrowser()}.
	 */
	static class ConsoleWarehouse implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		static final String DATABASE = "weather_console_test";

		private static CompletableFuture<Void> loaded;

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			start();
			TestPropertyValues.of("spring.datasource.url=" + LoadedWarehouse.SERVER_URL + DATABASE,
					"spring.datasource.username=" + LoadedWarehouse.READER).applyTo(context);
		}

		static synchronized CompletableFuture<Void> start() {
			if (loaded == null) {
				loaded = CompletableFuture.runAsync(() -> LoadedWarehouse.create(DATABASE, (toDatabase) -> {
					Path input = IngestJob.resourceFolder("console-stations");
					Path workingDirectory = Path.of("target").toAbsolutePath();
					IngestJob.run(0, input, "2026-11-22", workingDirectory, toDatabase);
					IngestJob.run(1, input, "2026-11-23", workingDirectory, toDatabase, "force=true",
							"--ingest.reject-limit=0");
				}));
			}
			return loaded;
		}

	}

}
