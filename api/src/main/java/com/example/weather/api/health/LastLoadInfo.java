package com.example.weather.api.health;

import java.util.LinkedHashMap;
import java.util.Map;

import com.example.weather.api.web.DataVersion;
import com.example.weather.api.web.DataVersions;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Adds to {@code /actuator/info} the load the data comes from: the last completed execution of the ingest job and
 * when it completed (null for both before the first load, or while the database does not answer).
 */
@Component
class LastLoadInfo implements InfoContributor {

	private final DataVersions dataVersions;

	LastLoadInfo(DataVersions dataVersions) {
		this.dataVersions = dataVersions;
	}

	@Override
	public void contribute(Info.Builder builder) {
		DataVersion lastLoad;
		try {
			lastLoad = this.dataVersions.lastLoad();
		}
		catch (DataAccessException ex) {
			lastLoad = DataVersion.NONE;
		}
		Map<String, Object> load = new LinkedHashMap<>();
		load.put("execution_id", lastLoad.executionId());
		load.put("completed_at", lastLoad.at());
		builder.withDetail("last_load", load);
	}

}
