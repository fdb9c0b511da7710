# Amazon MQ for RabbitMQ: the job sends partitions to its workers through it (remote partitioning). Private,
# reachable on AMQPS (5671) from the batch tasks only; its user's credentials in Secrets Manager.

resource "aws_secretsmanager_secret" "broker" {
  name        = "weather/broker"
  description = "The RabbitMQ broker's user for the job and its workers"
}

# drawn once, kept (see the database users' secrets)
resource "aws_secretsmanager_secret_version" "broker" {
  secret_id     = aws_secretsmanager_secret.broker.id
  secret_string = jsonencode({ username = "weather", password = "Wx${replace(uuid(), "-", "")}" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_mq_broker" "main" {
  broker_name                = "weather"
  engine_type                = "RabbitMQ"
  engine_version             = var.broker_engine_version
  host_instance_type         = var.broker_instance_type
  deployment_mode            = var.broker_deployment_mode
  publicly_accessible        = false
  subnet_ids                 = var.broker_deployment_mode == "SINGLE_INSTANCE" ? [var.private_subnet_ids[0]] : var.private_subnet_ids
  security_groups            = [aws_security_group.broker.id]
  auto_minor_version_upgrade = true

  user {
    username = jsondecode(aws_secretsmanager_secret_version.broker.secret_string).username
    password = jsondecode(aws_secretsmanager_secret_version.broker.secret_string).password
  }

  logs {
    general = true
  }

  maintenance_window_start_time {
    day_of_week = "SUNDAY"
    time_of_day = "04:00"
    time_zone   = "UTC"
  }

  lifecycle {
    # the password is kept in the secret; rotating it there is done on the broker by hand (docs/aws.md)
    ignore_changes = [user]
  }
}

locals {
  # amqps://b-....mq.REGION.amazonaws.com:5671 -> the host, as SPRING_RABBITMQ_HOST wants it
  broker_host = regex("^amqps://([^:]+):", aws_mq_broker.main.instances[0].endpoints[0])[0]
}
