package com.example.weather.api.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTests {

	@Test
	void survivesTheRoundTripThroughItsUrlSafeText() {
		Cursor cursor = new Cursor("abc123", 30000, List.of("USC00110072", "1985-07-14"));
		String encoded = cursor.encode();
		assertThat(encoded).matches("[A-Za-z0-9_-]+");
		assertThat(Cursor.decode(encoded)).isEqualTo(cursor);
	}

	@Test
	void rejectsTextItDidNotIssue() {
		for (String text : List.of("", "!!!", "bm90IGEgY3Vyc29y", new Cursor("f", 1, List.of("x")).encode(),
				"MnxmfDJ8eA")) {
			assertThatExceptionOfType(BadParameterException.class).as(text)
				.isThrownBy(() -> Cursor.decode(text))
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("cursor"));
		}
	}

	@Test
	void aPageRequestByCursorStartsAfterTheKeyWithoutOffset() {
		PageRequest first = PageRequest.of(null, 2, null, "filter");
		Cursor next = new Cursor(first.fingerprint(), 2, List.of("k"));
		PageRequest second = PageRequest.of(null, 2, next.encode(), "filter");
		assertThat(second.page()).isEqualTo(2);
		assertThat(second.offset()).isZero();
		assertThat(second.limit()).isEqualTo(3);
		assertThat(PageRequest.of(3, 2, null, "filter").offset()).isEqualTo(4);
	}

}
