--liquibase formatted sql

--changeset weather:ingest-touched-year
-- The station-years each run (job instance) inserted or changed, written in the same transaction as the rows, so
-- that the statistics step refreshes exactly those, also after a restart. Replaces an index on
-- weather_observation.job_execution_id that cost every insert of a full load.
CREATE TABLE ingest_touched_year (
    job_instance_id BIGINT      NOT NULL,
    station_id      VARCHAR(20) NOT NULL,
    year            INTEGER     NOT NULL,
    -- the year as a date range, so that the statistics read it as a primary key range
    first_day       DATE        NOT NULL,
    next_first_day  DATE        NOT NULL,
    CONSTRAINT ingest_touched_year_pk PRIMARY KEY (job_instance_id, station_id, year)
);
DROP INDEX weather_observation_job_execution_ix;

--changeset weather:ingest-file
-- The files the job has loaded, with a fingerprint of their content: a file whose fingerprint is unchanged since
-- its last complete load is not read again (unless the run passes force=true).
CREATE TABLE ingest_file (
    location         VARCHAR(1024) NOT NULL PRIMARY KEY,
    station_id       VARCHAR(20)   NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    -- "sha256:<hex>" of the bytes for files on disk, "etag:<etag>" for S3 objects
    fingerprint      VARCHAR(200)  NOT NULL,
    job_execution_id BIGINT        NOT NULL,
    loaded_at        TIMESTAMP     NOT NULL
);

--changeset weather:ingest-file-last-modified
-- With the size, lets a night skip hashing a file on disk that nobody has touched since it was loaded.
ALTER TABLE ingest_file ADD COLUMN last_modified BIGINT;
