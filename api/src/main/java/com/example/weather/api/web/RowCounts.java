package com.example.weather.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

/**
 * Totals of filtered lists, kept per data version: counting a large filter costs a scan, and the total cannot
 * change until the version does, so each filter is counted once per load instead of once per page.
 */
@Component
public class RowCounts {

	private static final int MAX_ENTRIES = 10_000;

	private final Map<CountKey, Long> counts = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<CountKey, Long> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	/**
	 * The number of rows of {@code list} matching {@code filter} (a record, a string, a number: equal when their values
	 * are) at {@code version}, counted by {@code counter} if not known yet.
	 */
	public long count(String list, Object filter, DataVersion version, LongSupplier counter) {
		// a key of the parts, not a string of them: looked up on every page, and no text needs building for that
		CountKey key = new CountKey(list, version.tag(), filter);
		synchronized (this.counts) {
			Long known = this.counts.get(key);
			if (known != null) {
				return known;
			}
		}
		// counted outside the lock: a slow count must not hold up pages that are already counted
		long counted = counter.getAsLong();
		synchronized (this.counts) {
			this.counts.put(key, counted);
		}
		return counted;
	}

	/** Forgets every total (the warm-up's, counted for filters no client asked for). */
	public void clear() {
		synchronized (this.counts) {
			this.counts.clear();
		}
	}

	/** How many totals are known now. */
	public int size() {
		synchronized (this.counts) {
			return this.counts.size();
		}
	}

	private record CountKey(String list, String version, Object filter) {
	}

}
