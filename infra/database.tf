# RDS PostgreSQL 15 with the master password managed by RDS in Secrets Manager, and one secret per application
# user (JSON keys username and password, as the task definitions read them). The two users themselves are created
# in the database by db-changelog/src/main/resources/db/roles/weather-roles.sql, run once by the weather-db-roles
# task below (docs/aws.md).

resource "aws_db_subnet_group" "main" {
  name       = "weather"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_parameter_group" "main" {
  name   = "weather-postgres15"
  family = "postgres15"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "main" {
  identifier     = "weather"
  engine         = "postgres"
  engine_version = "15"
  instance_class = var.db_instance_class
  db_name        = var.db_name

  username                    = "weather_admin"
  manage_master_user_password = true

  allocated_storage     = var.db_allocated_storage_gb
  max_allocated_storage = var.db_max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  multi_az               = var.db_multi_az
  parameter_group_name   = aws_db_parameter_group.main.name

  backup_retention_period    = var.db_backup_retention_days
  backup_window              = "00:30-01:30" # before the 02:00 UTC load
  maintenance_window         = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot      = true
  auto_minor_version_upgrade = true
  deletion_protection        = var.db_deletion_protection
  skip_final_snapshot        = !var.db_deletion_protection
  final_snapshot_identifier  = var.db_deletion_protection ? "weather-final" : null

  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

locals {
  app_db_users = {
    ingest_db = { name = "weather/ingest-db", username = var.db_job_user, description = "The ingest job's database user (owns the schema)" }
    api_db    = { name = "weather/api-db", username = var.db_api_user, description = "The API's read-only database user" }
  }
}

resource "aws_secretsmanager_secret" "ingest_db" {
  name        = local.app_db_users.ingest_db.name
  description = local.app_db_users.ingest_db.description
}

resource "aws_secretsmanager_secret" "api_db" {
  name        = local.app_db_users.api_db.name
  description = local.app_db_users.api_db.description
}

# The password is drawn once, at the first apply (uuid() has 122 random bits; hyphens dropped, a prefix for
# PostgreSQL's and RabbitMQ's rules), and kept: a later plan never changes it. Rotate it by putting a new
# secret value and rerunning the roles task (docs/aws.md).
resource "aws_secretsmanager_secret_version" "ingest_db" {
  secret_id     = aws_secretsmanager_secret.ingest_db.id
  secret_string = jsonencode({ username = var.db_job_user, password = "Wx${replace(uuid(), "-", "")}" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_secretsmanager_secret_version" "api_db" {
  secret_id     = aws_secretsmanager_secret.api_db.id
  secret_string = jsonencode({ username = var.db_api_user, password = "Wx${replace(uuid(), "-", "")}" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# The one-off task that creates (or updates) the two users: psql runs weather-roles.sql as the master user, with
# the names and passwords of the two secrets as psql variables. Run it after the first apply, before the first
# night, and after a password rotation (docs/aws.md). The SQL travels in the task definition, so the task needs
# no image of ours.
locals {
  roles_sql_file = "${path.module}/../db-changelog/src/main/resources/db/roles/weather-roles.sql"
  roles_sql      = file(local.roles_sql_file)

  # psql variable of weather-roles.sql => the task's environment variable that holds its value
  roles_psql_variables = {
    job_user     = "JOB_USER"
    job_password = "JOB_PASSWORD"
    api_user     = "API_USER"
    api_password = "API_PASSWORD"
    db_name      = "PGDATABASE"
  }
}

resource "aws_cloudwatch_log_group" "db_roles" {
  name              = "/ecs/weather-db-roles"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "db_roles_execution" {
  name               = "weather-db-roles-execution"
  assume_role_policy = templatefile("${local.task_defs_dir}/iam/ecs-tasks-trust-policy.json", local.placeholders)
}

resource "aws_iam_role_policy" "db_roles_execution" {
  name = "weather"
  role = aws_iam_role.db_roles_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InjectTheMasterAndBothUsersCredentials"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = [aws_db_instance.main.master_user_secret[0].secret_arn, aws_secretsmanager_secret.ingest_db.arn, aws_secretsmanager_secret.api_db.arn]
      },
      {
        Sid      = "WriteItsLogGroup"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.db_roles.arn}:log-stream:*"
      },
    ]
  })
}

resource "aws_ecs_task_definition" "db_roles" {

  family                   = "weather-db-roles"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.db_roles_execution.arn

  container_definitions = jsonencode([{
    name      = "weather-db-roles"
    image     = var.db_roles_image
    essential = true
    command = ["sh", "-c", join(" ", concat(
      ["printf '%s' \"$ROLES_SQL\" | psql -v ON_ERROR_STOP=1"],
      [for name, variable in local.roles_psql_variables : format("-v %s=\"$%s\"", name, variable)],
      ["-f -"],
    ))]
    environment = [
      { name = "PGHOST", value = aws_db_instance.main.address },
      { name = "PGDATABASE", value = var.db_name },
      { name = "PGSSLMODE", value = "require" },
      { name = "ROLES_SQL", value = local.roles_sql },
    ]
    secrets = [
      { name = "PGUSER", valueFrom = "${aws_db_instance.main.master_user_secret[0].secret_arn}:username::" },
      { name = "PGPASSWORD", valueFrom = "${aws_db_instance.main.master_user_secret[0].secret_arn}:password::" },
      { name = "JOB_USER", valueFrom = "${aws_secretsmanager_secret.ingest_db.arn}:username::" },
      { name = "JOB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.ingest_db.arn}:password::" },
      { name = "API_USER", valueFrom = "${aws_secretsmanager_secret.api_db.arn}:username::" },
      { name = "API_PASSWORD", valueFrom = "${aws_secretsmanager_secret.api_db.arn}:password::" },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.db_roles.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "roles"
      }
    }
  }])

  depends_on = [aws_iam_role_policy.db_roles_execution]
}
