package com.example.weather.api.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a query's {@code WHERE} clause and the values of the named parameters they read: the parts
 * of a filter a request gives, and where a page reached by cursor starts.
 */
public final class SqlConditions {

	/** Where a query's text takes its {@code WHERE} clause, if any. */
	static final String MARKER = "{where}";

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new HashMap<>();

	/**
	 * Adds {@code condition}, which reads the named parameter {@code name}, unless {@code value} is null: that
	 * part of the filter was not given.
	 */
	public SqlConditions and(String condition, String name, Object value) {
		if (value != null) {
			this.conditions.add(condition);
			this.parameters.put(name, value);
		}
		return this;
	}

	/** Adds {@code condition}, which reads the named parameters {@code values} gives. */
	SqlConditions and(String condition, Map<String, Object> values) {
		this.conditions.add(condition);
		this.parameters.putAll(values);
		return this;
	}

	/** {@code sql} with the {@code WHERE} clause (nothing, without conditions) at its {@value #MARKER}. */
	String in(String sql) {
		String where = this.conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", this.conditions);
		return sql.replace(MARKER, where);
	}

	Map<String, Object> parameters() {
		return this.parameters;
	}

}
