package com.example.weather.api.web;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What a list endpoint serves, for {@link Lists} to answer with: how to read a page of its rows for a filter
 * {@code F} and count them, the sort key its cursors hold, what must exist for the filter to make sense, and its
 * CSV columns. Built once per endpoint, from the feature's repository, when its controller is built (and never
 * changed after: the controller holds it in a final field).
 * <p>
 * A list of observations, statistics or stations changes only when a load completes ({@link #ofLoadedData}): its
 * JSON pages are kept in the {@link ResponseCache} and shared caches may keep it until the next load. The job
 * history changes while a job runs ({@link #ofJobHistory}): it is built afresh and always revalidated.
 *
 * @param <F> the validated filter; its {@code toString} names every value (a record, a string)
 * @param <T> a row
 */
public final class ListDefinition<F, T> {

	private final String name;

	private final boolean loadedData;

	private final BiFunction<F, PageRequest, List<T>> pages;

	private final ToLongFunction<F> count;

	private final Function<T, List<String>> cursorKey;

	private boolean countKept = true;

	private Function<F, Object> fingerprint = (filter) -> filter;

	private Consumer<F> owner = (filter) -> {
	};

	private Consumer<F> known = (filter) -> {
	};

	private Csv<F, T> csv;

	private ListDefinition(String name, boolean loadedData, BiFunction<F, PageRequest, List<T>> pages,
			ToLongFunction<F> count, Function<T, List<String>> cursorKey) {
		this.name = name;
		this.loadedData = loadedData;
		this.pages = pages;
		this.count = count;
		this.cursorKey = cursorKey;
	}

	/**
	 * A list of what the loads write (observations, statistics, stations), counted with {@code count}; the count
	 * of a filter is kept until the next load.
	 * @param name the list's name, under which its counts and pages are kept
	 * @param pages reads one more row than the page, when there is one
	 * @param cursorKey the sort key of a row, as cursors hold it
	 */
	public static <F, T> ListDefinition<F, T> ofLoadedData(String name, BiFunction<F, PageRequest, List<T>> pages,
			ToLongFunction<F> count, Function<T, List<String>> cursorKey) {
		return new ListDefinition<>(name, true, pages, count, cursorKey);
	}

	/**
	 * A list of the job history, counted with {@code count}; the count of a filter is kept until the job history
	 * changes.
	 * @param name the list's name, under which its counts are kept: lists of the same rows may share it
	 * @param pages reads one more row than the page, when there is one
	 * @param cursorKey the sort key of a row, as cursors hold it
	 */
	public static <F, T> ListDefinition<F, T> ofJobHistory(String name, BiFunction<F, PageRequest, List<T>> pages,
			ToLongFunction<F> count, Function<T, List<String>> cursorKey) {
		return new ListDefinition<>(name, false, pages, count, cursorKey);
	}

	/**
	 * Counted for every page rather than kept: for a count that is cheap, and that must agree with the rows while a
	 * job changes them.
	 */
	public ListDefinition<F, T> countedEachTime() {
		this.countKept = false;
		return this;
	}

	/**
	 * What a cursor is issued for, in place of the filter itself: cursors carry a fingerprint of it, so this must
	 * not change once clients hold cursors.
	 */
	public ListDefinition<F, T> fingerprintedAs(Function<F, Object> fingerprint) {
		this.fingerprint = fingerprint;
		return this;
	}

	/**
	 * The resource the list belongs to (an execution, for its rejects): {@code owner} fails with a 404 when the
	 * filter names none, before any row is read.
	 */
	public ListDefinition<F, T> ownedBy(Consumer<F> owner) {
		this.owner = owner;
		return this;
	}

	/**
	 * What the filter names (a station): {@code known} fails with a 404 when it does not exist. Asked before an
	 * export, which cannot change its status once rows are sent, and when a page comes out empty, the only time
	 * an unknown station cannot be told from one without rows; a page with rows costs no such query.
	 */
	public ListDefinition<F, T> naming(Consumer<F> known) {
		this.known = known;
		return this;
	}

	/**
	 * The list as CSV too ({@code format=csv} or {@code Accept: text/csv}): a file named {@code fileName}
	 * ({@code .csv} is added), {@code header}, then a line of {@code row} values per row.
	 */
	public ListDefinition<F, T> withCsv(Function<F, String> fileName, List<String> header,
			Function<T, Object[]> row) {
		this.csv = new Csv<>(fileName, header, row);
		return this;
	}

	String name() {
		return this.name;
	}

	boolean loadedData() {
		return this.loadedData;
	}

	boolean hasCsv() {
		return this.csv != null;
	}

	boolean countKept() {
		return this.countKept;
	}

	List<T> page(F filter, PageRequest page) {
		return this.pages.apply(filter, page);
	}

	long count(F filter) {
		return this.count.applyAsLong(filter);
	}

	List<String> cursorKey(T row) {
		return this.cursorKey.apply(row);
	}

	Object fingerprint(F filter) {
		return this.fingerprint.apply(filter);
	}

	void requireOwner(F filter) {
		this.owner.accept(filter);
	}

	void requireKnown(F filter) {
		this.known.accept(filter);
	}

	Csv<F, T> csv() {
		return this.csv;
	}

	/** The CSV form of a list. */
	record Csv<F, T>(Function<F, String> fileName, List<String> header, Function<T, Object[]> row) {
	}

}
