# The JSON files in ecs-task-defs/ and eventbridge/ are the one source of the task definitions, policies, schedule,
# rule and alarms: Terraform reads them and fills in their ${PLACEHOLDER}s (listed in
# ecs-task-defs/placeholders.env.example) from what it creates.

locals {
  task_defs_dir   = "${path.module}/../ecs-task-defs"
  eventbridge_dir = "${path.module}/../eventbridge"

  # known when Terraform plans
  known_placeholders = {
    AWS_ACCOUNT_ID = var.account_id
    AWS_REGION     = var.region
    IMAGE_TAG      = var.image_tag
    ECS_CLUSTER    = var.ecs_cluster
    VPC_ID         = var.vpc_id
    SUBNET_A       = var.private_subnet_ids[0]
    SUBNET_B       = var.private_subnet_ids[1]
    DB_NAME        = var.db_name
    DATA_BUCKET    = var.data_bucket
    DATA_PREFIX    = var.data_prefix
  }

  # known once the resource exists: its value, and the resource it comes from (what the plan shows instead)
  computed_placeholders = {
    BATCH_SECURITY_GROUP_ID    = { value = aws_security_group.batch.id, from = "aws_security_group.batch" }
    API_SECURITY_GROUP_ID      = { value = aws_security_group.api.id, from = "aws_security_group.api" }
    API_TARGET_GROUP_ARN       = { value = aws_lb_target_group.api.arn, from = "aws_lb_target_group.api" }
    ALB_DIMENSION              = { value = aws_lb.api.arn_suffix, from = "aws_lb.api" }
    API_TARGET_GROUP_DIMENSION = { value = aws_lb_target_group.api.arn_suffix, from = "aws_lb_target_group.api" }
    DB_ENDPOINT                = { value = aws_db_instance.main.address, from = "aws_db_instance.main" }
    INGEST_DB_SECRET_ID        = { value = local.secret_ids.ingest_db, from = "aws_secretsmanager_secret.ingest_db" }
    API_DB_SECRET_ID           = { value = local.secret_ids.api_db, from = "aws_secretsmanager_secret.api_db" }
    BROKER_SECRET_ID           = { value = local.secret_ids.broker, from = "aws_secretsmanager_secret.broker" }
    BROKER_HOST                = { value = local.broker_host, from = "aws_mq_broker.main" }
    BROKER_NAME                = { value = aws_mq_broker.main.broker_name, from = "aws_mq_broker.main" }
    ALERT_TOPIC_ARN            = { value = aws_sns_topic.alerts.arn, from = "aws_sns_topic.alerts" }
  }

  placeholders = merge(local.known_placeholders, { for name, p in local.computed_placeholders : name => p.value })

  # the same files as the plan can show them: a computed value stands as "(resource address)", so that the offline
  # plan (and a reviewer) sees every task definition in full and which resource each value comes from
  placeholders_as_planned = merge(local.known_placeholders,
  { for name, p in local.computed_placeholders : name => "(${p.from})" })

  # "name-AbCdEf" as the files' ...:secret:${X_SECRET_ID}:key:: wants it: the ARN's last part
  secret_ids = {
    for key, secret in {
      ingest_db = aws_secretsmanager_secret.ingest_db
      api_db    = aws_secretsmanager_secret.api_db
      broker    = aws_secretsmanager_secret.broker
    } : key => element(split(":secret:", secret.arn), 1)
  }

  cluster_arn = "arn:aws:ecs:${var.region}:${var.account_id}:cluster/${var.ecs_cluster}"
}
