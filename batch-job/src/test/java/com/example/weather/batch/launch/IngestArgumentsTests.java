package com.example.weather.batch.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IngestArgumentsTests {

	// 23:30 in New York is already the next day in UTC: the default night is UTC's
	private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T04:30:00Z"), ZoneOffset.ofHours(-5));

	@Test
	void givenNoRunDate_whenParsed_thenTodayInUtcIsTheRunDate() {
		assertThat(IngestArguments.parse(List.of(), null, this.clock.withZone(ZoneOffset.UTC)).runDate())
			.isEqualTo(LocalDate.of(2026, 11, 25));
	}

	@Test
	void givenARunDateArgument_whenParsed_thenItWinsOverTheEnvironment() {
		assertThat(IngestArguments.parse(List.of("run.date=2026-11-02"), "2026-01-01", this.clock).runDate())
			.isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(IngestArguments.parse(List.of(), "2026-01-01", this.clock).runDate())
			.isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void givenBadArguments_whenParsed_thenTheErrorSaysWhatTheJobTakes() {
		assertThatIllegalArgumentException().isThrownBy(() -> IngestArguments.parse(List.of("run.date=24/11/2026"),
				null, this.clock))
			.withMessage("run.date must be an ISO date (YYYY-MM-DD) or an ISO date-time with an offset "
					+ "(YYYY-MM-DDTHH:MM:SSZ), got '24/11/2026'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IngestArguments.parse(List.of("run.date=2026-11-25T02:00:00"), null, this.clock))
			.as("a date-time without an offset names no instant")
			.withMessageContaining("got '2026-11-25T02:00:00'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IngestArguments.parse(List.of("rundate=2026-11-24"), null, this.clock))
			.withMessageContaining("Unknown job parameter 'rundate'");
		assertThatIllegalArgumentException().isThrownBy(() -> IngestArguments.parse(List.of("2026-11-24"), null,
				this.clock))
			.withMessageContaining("not of the form key=value");
	}

	@Test
	void givenTheSchedulesScheduledTime_whenParsed_thenItsUtcDateIsTheRunDateAndTheJobInstanceIsThePlainDatesOne() {
		IngestArguments scheduled = IngestArguments.parse(List.of("run.date=2026-11-25T02:00:00Z"), null, this.clock);
		IngestArguments byHand = IngestArguments.parse(List.of("run.date=2026-11-25"), null, this.clock);

		assertThat(scheduled.runDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(scheduled.toJobParameters()).isEqualTo(byHand.toJobParameters());
		assertThat(IngestArguments.parse(List.of(), "2026-11-24T23:59:59.999Z", this.clock).runDate())
			.as("from the environment too").isEqualTo(LocalDate.of(2026, 11, 24));
		// an offset moves the instant to its UTC date, which is the night's
		assertThat(IngestArguments.parse(List.of("run.date=2026-11-25T01:30:00+02:00"), null, this.clock).runDate())
			.isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(IngestArguments.parse(List.of("run.date=2026-11-24T21:00:00-05:00"), null, this.clock).runDate())
			.isEqualTo(LocalDate.of(2026, 11, 25));
	}

	@Test
	void givenAScheduledTimeOnAFutureDate_whenParsed_thenItIsRefused() {
		// the clock is 2026-11-25T04:30Z: later the same UTC day is today's night, the next day is the future
		assertThat(IngestArguments.parse(List.of("run.date=2026-11-25T23:00:00Z"), null, this.clock).runDate())
			.isEqualTo(LocalDate.of(2026, 11, 25));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IngestArguments.parse(List.of("run.date=2026-11-26T00:00:00Z"), null, this.clock))
			.withMessage("run.date 2026-11-26 is in the future (today is 2026-11-25 in UTC)");
	}

	@Test
	void givenAnEmptyOrFutureRunDate_whenParsed_thenItIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> IngestArguments.parse(List.of("run.date="), null,
				this.clock))
			.withMessageStartingWith("run.date is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> IngestArguments.parse(List.of(), " ", this.clock))
			.withMessageStartingWith("run.date is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> IngestArguments.parse(List.of("run.date=2026-11-26"),
				null, this.clock))
			.withMessage("run.date 2026-11-26 is in the future (today is 2026-11-25 in UTC)");
		assertThat(IngestArguments.parse(List.of("run.date=2026-11-25"), null, this.clock).runDate())
			.isEqualTo(LocalDate.of(2026, 11, 25));
	}

}
