# Security groups. Only the load balancer has an ingress from outside the VPC; the API tasks take traffic from
# the load balancer only; the database and the broker from the tasks only (the job, its workers, the API and
# the one-off roles task). Every rule is its own resource, so the plan shows who may reach what.

resource "aws_security_group" "alb" {
  name        = "weather-alb"
  description = "The API's load balancer: HTTPS from the allowed networks"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "api" {
  name        = "weather-api"
  description = "API tasks: port 8080 from the load balancer only"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "batch" {
  name        = "weather-batch"
  description = "The ingest job, its workers and the one-off roles task: no ingress"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "db" {
  name        = "weather-db"
  description = "PostgreSQL: from the tasks only"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "broker" {
  name        = "weather-broker"
  description = "RabbitMQ (AMQPS): from the batch tasks only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  for_each = toset(var.api_allowed_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTPS to the API"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.value
}

resource "aws_vpc_security_group_egress_rule" "alb_to_api" {
  security_group_id            = aws_security_group.alb.id
  description                  = "to the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.api_port
  to_port                      = local.api_port
  referenced_security_group_id = aws_security_group.api.id
}

resource "aws_vpc_security_group_ingress_rule" "api_from_alb" {
  security_group_id            = aws_security_group.api.id
  description                  = "from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = local.api_port
  to_port                      = local.api_port
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_batch" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the batch tasks"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.batch.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_api" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the API tasks"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.api.id
}

resource "aws_vpc_security_group_ingress_rule" "broker_from_tasks" {
  security_group_id            = aws_security_group.broker.id
  description                  = "AMQPS from the batch tasks"
  ip_protocol                  = "tcp"
  from_port                    = 5671
  to_port                      = 5671
  referenced_security_group_id = aws_security_group.batch.id
}

# Tasks reach the database and the broker by their security groups, and AWS APIs (S3, ECR, Logs, Secrets
# Manager) over HTTPS, through the VPC's endpoints or NAT.
resource "aws_vpc_security_group_egress_rule" "batch_to_db" {
  security_group_id            = aws_security_group.batch.id
  description                  = "to PostgreSQL"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.db.id
}

resource "aws_vpc_security_group_egress_rule" "api_to_db" {
  security_group_id            = aws_security_group.api.id
  description                  = "to PostgreSQL"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.db.id
}

resource "aws_vpc_security_group_egress_rule" "batch_to_broker" {
  security_group_id            = aws_security_group.batch.id
  description                  = "to RabbitMQ"
  ip_protocol                  = "tcp"
  from_port                    = 5671
  to_port                      = 5671
  referenced_security_group_id = aws_security_group.broker.id
}

resource "aws_vpc_security_group_egress_rule" "batch_https" {
  security_group_id = aws_security_group.batch.id
  description       = "AWS APIs and image pulls over HTTPS"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "api_https" {
  security_group_id = aws_security_group.api.id
  description       = "AWS APIs and image pulls over HTTPS"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
