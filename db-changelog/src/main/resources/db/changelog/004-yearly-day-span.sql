--liquibase formatted sql

--changeset weather:yearly-stats-day-span
-- The days of each station-year and the first and last of them, so that a station's summary (weather_station) adds
-- up its years instead of reading every one of its rows again. Filled in for the years already there.
ALTER TABLE weather_yearly_stats ADD COLUMN observation_days INTEGER;
ALTER TABLE weather_yearly_stats ADD COLUMN first_observation_date DATE;
ALTER TABLE weather_yearly_stats ADD COLUMN last_observation_date DATE;
MERGE INTO weather_yearly_stats t
USING (
    SELECT station_id, CAST(EXTRACT(YEAR FROM observation_date) AS INTEGER) AS year, COUNT(*) AS observation_days,
           MIN(observation_date) AS first_date, MAX(observation_date) AS last_date
    FROM weather_observation
    GROUP BY station_id, CAST(EXTRACT(YEAR FROM observation_date) AS INTEGER)
) s
ON t.station_id = s.station_id AND t.year = s.year
WHEN MATCHED THEN
  UPDATE SET observation_days = s.observation_days, first_observation_date = s.first_date,
             last_observation_date = s.last_date;
