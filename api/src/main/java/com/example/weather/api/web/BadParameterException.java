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

	public String parameter() {
		return this.parameter;
	}

}
