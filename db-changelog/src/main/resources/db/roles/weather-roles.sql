-- The warehouse's two database roles: the ingest job's writer, which owns the schema (Liquibase creates it at each
-- job start), and the API's reader, which may only SELECT and whose sessions start read-only.
--
-- Run it once per database as a superuser (or a role with CREATEROLE), before the job's first run, so that the
-- writer owns the tables it creates; running it again changes nothing but the passwords:
--
--   psql -h db.example -U postgres -d weather -v ON_ERROR_STOP=1 \
--        -v job_user=weather_job -v job_password='...' \
--        -v api_user=weather_api -v api_password='...' \
--        -f db-changelog/src/main/resources/db/roles/weather-roles.sql
--
-- Then give the job the role job_user (the username of batch-job-task-def.json's secret) and the API
-- api_user (api-task-def.json's secret). infra/ (Terraform) runs this with the same variables, db_name as well.

\set ON_ERROR_STOP on
\if :{?job_user}
\else
  \echo 'weather-roles.sql: set -v job_user=... -v job_password=... -v api_user=... -v api_password=...'
  \quit
\endif

-- the roles, created once; the passwords set on every run
SELECT format('CREATE ROLE %I LOGIN', :'job_user')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'job_user') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'api_user')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'api_user') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'job_user', :'job_password') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'api_user', :'api_password') \gexec

-- the writer: connects, creates and owns the tables in public (Liquibase, the Spring Batch tables included)
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), :'job_user') \gexec
SELECT format('GRANT USAGE, CREATE ON SCHEMA public TO %I', :'job_user') \gexec

-- the API: reads every table there is and every table the writer creates later, and nothing else. Its sessions
-- start read-only as well, whoever connects with it (the API sets the same on its own connections)
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'api_user') \gexec
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'api_user') \gexec
SELECT format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', :'api_user') \gexec
-- (only a member of the writer may set its default privileges: RDS's master user is not a superuser)
SELECT format('GRANT %I TO %I', :'job_user', current_user)
WHERE NOT pg_has_role(current_user, :'job_user', 'MEMBER') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT ON TABLES TO %I',
              :'job_user', :'api_user') \gexec
SELECT format('ALTER ROLE %I IN DATABASE %I SET default_transaction_read_only = on', :'api_user',
              current_database()) \gexec
