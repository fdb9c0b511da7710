package com.example.weather.api.web;

/**
 * A station, job execution or other resource that does not exist; answered with a 404 problem.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String detail) {
		super(detail);
	}

}
