package com.example.weather.batch.ingest;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationValidatorTests {

	private final ObservationValidator validator = new ObservationValidator();

	@Test
	void givenAPaddedLine_whenValidated_thenItBecomesAnObservationInTenths() {
		assertThat(this.validator.process(line("19850101\t  -22\t -128\t   94")))
			.isEqualTo(new Observation("STATION", LocalDate.of(1985, 1, 1), -22, -128, 94, null));
	}

	@Test
	void givenMissingMarkers_whenValidated_thenTheValuesAreNull() {
		assertThat(this.validator.process(line("19850101\t-9999\t-9999\t-9999")))
			.isEqualTo(new Observation("STATION", LocalDate.of(1985, 1, 1), null, null, null, null));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "19850101\t1\t2|WRONG_FIELD_COUNT|found 3",
			"19850101\t1\t2\t3\t4|WRONG_FIELD_COUNT|found 5", "1985010\t1\t2\t3|INVALID_DATE|1985010",
			"19850230\t1\t2\t3|INVALID_DATE|19850230", "1985-01-01\t1\t2\t3|INVALID_DATE|'1985-01-01'",
			"19850101\t1.5\t2\t3|UNPARSEABLE_FIELD|max temperature '1.5'",
			"19850101\t1\t\t3|UNPARSEABLE_FIELD|min temperature ''",
			"19850101\t1\t2\t3x|UNPARSEABLE_FIELD|precipitation '3x'",
			"19850101\t601\t2\t3|TEMPERATURE_OUT_OF_RANGE|max 60.1 °C",
			"19850101\t1\t-901\t3|TEMPERATURE_OUT_OF_RANGE|min -90.1 °C",
			"19850101\t1\t2\t-1|NEGATIVE_PRECIPITATION|-1 tenths of a mm",
			"19850101\t1\t2\t20001|PRECIPITATION_OUT_OF_RANGE|2000.1 mm" })
	void givenABadLine_whenValidated_thenItIsRejectedWithItsReason(String text, RejectReason reason, String detail) {
		assertThat(this.validator.process(line(text))).isEqualTo(new RejectedLine(line(text), reason, detail));
	}

	@Test
	void givenTheLimits_whenValidated_thenTheLineIsKeptAndFlagged() {
		Observation observation = (Observation) this.validator.process(line("19850101\t  600\t -900\t20000"));

		assertThat(observation.qualityFlags()).isEqualTo("EXTREME_HEAT,EXTREME_COLD,EXTREME_PRECIPITATION");
	}

	@Test
	void givenMaxBelowMin_whenValidated_thenTheLineIsKeptAndFlagged() {
		assertThat(((Observation) this.validator.process(line("19850101\t10\t20\t0"))).qualityFlags())
			.isEqualTo("MAX_BELOW_MIN");
	}

	@Test
	void givenABlankLine_whenValidated_thenItIsFilteredOut() {
		assertThat(this.validator.process(line("   "))).isNull();
		assertThat(this.validator.process(line(""))).isNull();
	}

	@Test
	void givenADateSeenBeforeARestart_whenItComesAgain_thenItIsStillADuplicate() {
		this.validator.process(line("19850101\t1\t2\t3"));
		this.validator.process(line("19850102\t1\t2\t3"));
		ExecutionContext committed = new ExecutionContext();
		this.validator.update(committed);

		ObservationValidator restarted = new ObservationValidator();
		restarted.open(committed);

		assertThat(restarted.process(line("19850102\t9\t9\t9"))).isInstanceOf(RejectedLine.class)
			.extracting((rejected) -> ((RejectedLine) rejected).reason())
			.isEqualTo(RejectReason.DUPLICATE_DATE);
		assertThat(restarted.process(line("19850103\t9\t9\t9"))).isInstanceOf(Observation.class);
	}

	@Test
	void givenARejectedLine_whenTheSameDateComesLater_thenTheLaterLineIsAccepted() {
		assertThat(this.validator.process(line("19850101\t999\t2\t3"))).isInstanceOf(RejectedLine.class);

		assertThat(this.validator.process(line("19850101\t1\t2\t3"))).isInstanceOf(Observation.class);
	}

	private static ObservationLine line(String text) {
		return new ObservationLine("STATION", "STATION.txt", 7, text);
	}

}
