package com.example.weather.api.web;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * The two queries of a list: a page of its rows, in the order of their key, and the count of all of them, both
 * filtered by the same conditions. Each query's text holds a {@code {where}} marker where the conditions go; the
 * page's also reads {@code :limit} and {@code :offset}.
 * <p>
 * A page reached by cursor starts after the cursor's key, by a condition on the key columns rather than an
 * offset: as cheap on the last page as on the first.
 *
 * @param <F> the filter
 * @param <T> a row
 */
public final class ListQuery<F, T> {

	private final String pageSql;

	private final String countSql;

	private final RowMapper<T> rows;

	private BiConsumer<F, SqlConditions> filter = (given, conditions) -> {
	};

	private String afterCursor;

	private int keyParts;

	private Function<List<String>, Map<String, Object>> cursorKey;

	private ListQuery(String pageSql, String countSql, RowMapper<T> rows) {
		this.pageSql = pageSql;
		this.countSql = countSql;
		this.rows = rows;
	}

	/**
	 * The queries of a list: {@code pageSql} reads a page of rows, {@code countSql} counts them; {@code rows} maps
	 * a row of the page.
	 */
	public static <F, T> ListQuery<F, T> of(String pageSql, String countSql, RowMapper<T> rows) {
		return new ListQuery<>(pageSql, countSql, rows);
	}

	/** How a filter becomes conditions (set once, as the list's queries are built). */
	public ListQuery<F, T> filteredBy(BiConsumer<F, SqlConditions> filter) {
		this.filter = filter;
		return this;
	}

	/**
	 * Where a page reached by cursor starts (set once, as the list's queries are built): {@code condition} on
	 * the key columns, reading the named parameters {@code key} makes of the cursor's key, of {@code keyParts}
	 * parts. A key of another shape, or a part {@link Cursor#part} cannot read, is a cursor this API did not issue.
	 */
	public ListQuery<F, T> startingAfter(String condition, int keyParts,
			Function<List<String>, Map<String, Object>> key) {
		this.afterCursor = condition;
		this.keyParts = keyParts;
		this.cursorKey = key;
		return this;
	}

	/** One more row than the page, when there is one. */
	public List<T> page(NamedParameterJdbcOperations jdbc, F filter, PageRequest page) {
		SqlConditions conditions = conditions(filter);
		if (page.byCursor()) {
			conditions.and(this.afterCursor, this.cursorKey.apply(page.cursor().key(this.keyParts)));
		}
		Map<String, Object> parameters = conditions.parameters();
		parameters.put("limit", page.limit());
		parameters.put("offset", page.offset());
		return jdbc.query(conditions.in(this.pageSql), parameters, this.rows);
	}

	public long count(NamedParameterJdbcOperations jdbc, F filter) {
		SqlConditions conditions = conditions(filter);
		return jdbc.queryForObject(conditions.in(this.countSql), conditions.parameters(), Long.class);
	}

	private SqlConditions conditions(F filter) {
		SqlConditions conditions = new SqlConditions();
		this.filter.accept(filter, conditions);
		return conditions;
	}

}
