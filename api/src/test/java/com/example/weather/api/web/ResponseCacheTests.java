package com.example.weather.api.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTests {

	private final AtomicReference<DataVersion> version = new AtomicReference<>(
			new DataVersion("load-1", 1L, null));

	private final AtomicInteger pagesBuilt = new AtomicInteger();

	@Test
	void givenAPageSentOnce_whenAskedAgainBeforeTheNextLoad_thenTheSameBytesAreSentWithoutBuildingIt()
			throws Exception {
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 1 << 20);

		MockHttpServletResponse first = send(cache, "stats A 2000");
		MockHttpServletResponse second = send(cache, "stats A 2000");

		assertThat(this.pagesBuilt).hasValue(1);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).contains("\"page\":1");
		assertThat(second.getContentType()).isEqualTo("application/json");
		assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
	}

	@Test
	void givenOtherParameters_whenAsked_thenTheyAreAnotherPage() throws Exception {
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 1 << 20);

		send(cache, "stats A 2000");
		send(cache, "stats A 2001");

		assertThat(this.pagesBuilt).hasValue(2);
	}

	@Test
	void givenAKeptPage_whenALoadCompletes_thenThePageIsBuiltAgain() throws Exception {
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 1 << 20);
		send(cache, "stats A 2000");

		this.version.set(new DataVersion("load-2", 2L, null));
		MockHttpServletResponse afterLoad = send(cache, "stats A 2000");

		assertThat(this.pagesBuilt).hasValue(2);
		assertThat(afterLoad.getContentAsString()).contains("\"page\":2");
	}

	@Test
	void givenAPageLargerThanTheWholeBudget_whenSent_thenItIsNotKept() throws Exception {
		// {"page":1} is 10 bytes
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 5);

		send(cache, "stats A 2000");
		send(cache, "stats A 2000");

		assertThat(this.pagesBuilt).hasValue(2);
	}

	@Test
	void givenTheBudgetSpent_whenMorePagesAreSent_thenOlderOnesAreEvictedAndNewOnesStillKept() throws Exception {
		// room for about ten pages of {"page":n} (and their keys), asked for a hundred times over
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 10 * 40);
		for (int i = 0; i < 100; i++) {
			send(cache, "stats A " + i);
		}
		cache.cleanUp();
		int built = this.pagesBuilt.get();

		send(cache, "stats A 99");
		send(cache, "stats A 99");

		assertThat(this.pagesBuilt.get()).as("a page sent after the budget was spent is kept").isLessThanOrEqualTo(built + 1);
		assertThat(cache.weight()).isLessThanOrEqualTo(10 * 40);
	}

	@Test
	void givenAPageOfManyRows_whenSent_thenItIsNotKept() throws Exception {
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 1 << 30);
		String manyRows = "x".repeat(ResponseCache.MAX_PAGE_BYTES);

		send(cache, "weather 1000", () -> Map.of("rows", manyRows, "page", this.pagesBuilt.incrementAndGet()));
		send(cache, "weather 1000", () -> Map.of("rows", manyRows, "page", this.pagesBuilt.incrementAndGet()));

		assertThat(this.pagesBuilt).hasValue(2);
	}

	@Test
	void givenTheCacheOff_whenAPageIsAskedTwice_thenItIsBuiltEachTimeAndSentWhole() throws Exception {
		ResponseCache cache = new ResponseCache(this.version::get, JsonMapper.builder().build(), 0);
		AtomicInteger keysBuilt = new AtomicInteger();

		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.sendJson(() -> "stats A 2000 " + keysBuilt.incrementAndGet(), response,
				() -> Map.of("page", this.pagesBuilt.incrementAndGet()));
		MockHttpServletResponse second = send(cache, "stats A 2000");

		assertThat(this.pagesBuilt).hasValue(2);
		assertThat(keysBuilt).hasValue(0);
		assertThat(cache.weight()).isZero();
		assertThat(second.getContentAsString()).isEqualTo("{\"page\":2}");
		assertThat(second.getContentType()).isEqualTo("application/json");
		assertThat(second.getContentLength()).isEqualTo(second.getContentAsByteArray().length);
	}

	private MockHttpServletResponse send(ResponseCache cache, String key) throws Exception {
		return send(cache, key, () -> Map.of("page", this.pagesBuilt.incrementAndGet()));
	}

	private MockHttpServletResponse send(ResponseCache cache, String key, Supplier<?> page) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.sendJson(() -> key, response, page);
		return response;
	}

}
