package com.example.weather.api.overview;

import com.example.weather.api.support.WarehouseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fixture files: ALPHA1 (5 rows, 2020 and 2021), BRAVO2 (3 rows, 2021), CHARLIE3 (1 row, 2019); the second of
 * the two loads is the last.
 */
@WarehouseTest
class OverviewEndpointIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void saysWhenTheDataWasLastLoadedAndHowMuchThereIs() throws Exception {
		this.mvc.perform(get("/api/overview"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", notNullValue()))
			.andExpect(jsonPath("$.last_load_execution_id").value(2))
			.andExpect(jsonPath("$.last_load_time").value(notNullValue()))
			.andExpect(jsonPath("$.stations").value(3))
			.andExpect(jsonPath("$.observations").value(9))
			.andExpect(jsonPath("$.first_year").value(2019))
			.andExpect(jsonPath("$.last_year").value(2021))
			.andExpect(jsonPath("$.years").value(3));
	}

}
