package com.example.weather.api.web;

/**
 * A query parameter the API cannot honour; answered with a 400 problem that names the parameter.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String detail) {
		super(detail);
		this.parameter = parameter;
	}

	/** A value that is not of the parameter's type: how a bound parameter and one parsed by hand both say so. */
	public static BadParameterException invalidValue(String parameter, Object value, Class<?> type) {
		return new BadParameterException(parameter,
				"'%s' has an invalid value '%s'%s".formatted(parameter, value, expected(type)));
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		return switch (type.getSimpleName()) {
			case "LocalDate" -> ": expected an ISO date, YYYY-MM-DD";
			case "Integer", "int", "Long", "long" -> ": expected a whole number";
			default -> "";
		};
	}

	public String parameter() {
		return this.parameter;
	}

}
