--liquibase formatted sql

--changeset weather:ingest-reject-line-length
-- A rejected line is kept up to 1,000 characters (ingest_reject.line); these say when it was longer, and how long.
ALTER TABLE ingest_reject ADD COLUMN line_truncated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ingest_reject ADD COLUMN line_length BIGINT;
