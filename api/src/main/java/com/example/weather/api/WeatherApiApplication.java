package com.example.weather.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The read-only HTTP API over the warehouse: daily observations, yearly statistics, stations and the ingest job's
 * history. It never writes; the ingest job owns the schema and the data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WeatherApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeatherApiApplication.class, args);
	}

}
