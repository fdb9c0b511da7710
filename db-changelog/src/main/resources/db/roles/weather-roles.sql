-- The warehouse's two database roles: the ingest job's writer, which owns the schema (Liquibase creates it at each
-- job start), and the API's reader, which may only SELECT and whose sessions start read-only.
--
-- Run it once per database as a superuser (or a role with CREATEROLE), before the job's first run, so that the
-- writer owns the tables it creates; running it again changes nothing but the passwords:
--
--   psql -h db.example -U postgres -d weather -v ON_ERROR_STOP=1 \
--        -v writer_role=weather_job -v writer_password='...' \
--        -v api_role=weather_api -v api_password='...' \
--        -f db-changelog/src/main/resources/db/roles/weather-roles.sql
--
-- Then give the job writer_role (SPRING_DATASOURCE_USERNAME of batch-job-task-def.json's secret) and the API
-- api_role (api-task-def.json's secret). See docs/api.md.

\set ON_ERROR_STOP on
\if :{?writer_role}
\else
  \echo 'weather-roles.sql: set -v writer_role=... -v writer_password=... -v api_role=... -v api_password=...'
  \quit
\endif

-- the roles, created once; the passwords set on every run
SELECT format('CREATE ROLE %I LOGIN', :'writer_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'writer_role') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'api_role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'api_role') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'writer_role', :'writer_password') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'api_role', :'api_password') \gexec

-- the writer: connects, creates and owns the tables in public (Liquibase, the Spring Batch tables included)
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), :'writer_role') \gexec
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'writer_role') \gexec

-- the API: reads every table there is and every table the writer creates later, and nothing else. Its sessions
-- start read-only as well, whoever connects with it (the API sets the same on its own connections)
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'api_role') \gexec
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'api_role') \gexec
SELECT format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', :'api_role') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT ON TABLES TO %I',
              :'writer_role', :'api_role') \gexec
SELECT format('ALTER ROLE %I IN DATABASE %I SET default_transaction_read_only = on', :'api_role',
              current_database()) \gexec
