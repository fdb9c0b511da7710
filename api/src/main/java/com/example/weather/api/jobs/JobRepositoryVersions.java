package com.example.weather.api.jobs;

import com.example.weather.api.ApiProperties;
import com.example.weather.api.web.DataVersion;
import com.example.weather.api.web.DataVersionReader;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data versions, as the job repository tells them: the newest completed execution of the ingest job
 * ({@code weather.api.job-name}) versions what the loads write, and the newest change to any execution or step
 * versions the job history.
 */
@Component
class JobRepositoryVersions implements DataVersionReader {

	private final JdbcTemplate jdbcTemplate;

	private final JobQueries queries;

	private final String jobName;

	JobRepositoryVersions(JdbcTemplate jdbcTemplate, JobQueries queries, ApiProperties properties) {
		this.jdbcTemplate = jdbcTemplate;
		this.queries = queries;
		this.jobName = properties.jobName();
	}

	@Override
	public DataVersion lastLoad() {
		return this.jdbcTemplate.query(this.queries.lastCompletedLoad,
				(rs) -> rs.next() ? DataVersion.ofLoad(rs.getLong(1), rs.getTimestamp(2)) : DataVersion.NONE,
				this.jobName);
	}

	@Override
	public DataVersion jobHistory() {
		return this.jdbcTemplate.queryForObject(this.queries.jobHistoryChange, (rs, row) -> {
			long last = rs.getLong(1);
			if (rs.wasNull()) {
				return DataVersion.NONE;
			}
			return DataVersion.ofJobHistory(last, rs.getTimestamp(2), rs.getTimestamp(3));
		});
	}

}
