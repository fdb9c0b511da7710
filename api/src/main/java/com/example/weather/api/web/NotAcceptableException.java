package com.example.weather.api.web;

/**
 * The {@code Accept} header admits none of the representations an endpoint has; answered with a 406 problem.
 */
public class NotAcceptableException extends RuntimeException {

	public NotAcceptableException(String detail) {
		super(detail);
	}

}
