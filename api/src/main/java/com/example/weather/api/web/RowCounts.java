package com.example.weather.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import com.example.weather.api.ApiProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Totals of filtered lists, kept per data version: counting a large filter costs a scan, and the total cannot
 * change until the version does, so each filter is counted once per load instead of once per page.
 * <p>
 * At most {@code weather.api.row-count-cache-size} totals are kept, the least recently used going first. The bound
 * must grow with the stations: a filter is usually one station's year, and a page whose total was evicted pays a
 * second query.
 */
@Component
public class RowCounts {

	private final Map<CountKey, Long> counts;

	@Autowired
	public RowCounts(ApiProperties properties) {
		this(properties.rowCountCacheSize());
	}

	RowCounts(int maxEntries) {
		this.counts = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<CountKey, Long> eldest) {
				return size() > maxEntries;
			}
		};
	}

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
