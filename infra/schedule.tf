# The nightly run (eventbridge/nightly-ingest-schedule.json), its dead-letter queue, the failed-task rule
# (eventbridge/failed-ingest-task-rule.json) and the alert topic that rule and the alarms notify.

locals {
  schedule      = jsondecode(file("${local.eventbridge_dir}/nightly-ingest-schedule.json"))
  schedule_ecs  = local.schedule.Target.EcsParameters
  schedule_vpc  = local.schedule_ecs.NetworkConfiguration.awsvpcConfiguration
  failed_rule   = jsondecode(file("${local.eventbridge_dir}/failed-ingest-task-rule.json"))
  rule_pattern  = jsonencode(local.failed_rule.EventPattern)
  dlq_arn       = local.schedule.Target.DeadLetterConfig.Arn
  alert_targets = { for target in local.failed_rule.Targets : target.Id => target }
}

resource "aws_sqs_queue" "schedule_dlq" {
  # arn:aws:sqs:REGION:ACCOUNT:NAME
  name                      = element(split(":", local.dlq_arn), 5)
  message_retention_seconds = 14 * 24 * 3600
  sqs_managed_sse_enabled   = true
}

resource "aws_scheduler_schedule" "nightly" {
  name                         = local.schedule.Name
  group_name                   = local.schedule.GroupName
  description                  = local.schedule.Description
  schedule_expression          = local.schedule.ScheduleExpression
  schedule_expression_timezone = local.schedule.ScheduleExpressionTimezone
  state                        = local.schedule.State

  flexible_time_window {
    mode = local.schedule.FlexibleTimeWindow.Mode
  }

  target {
    arn      = templatestring(local.schedule.Target.Arn, local.placeholders)
    role_arn = templatestring(local.schedule.Target.RoleArn, local.placeholders)
    # container overrides, if the file ever gives any; today it gives none: the job's run.date is today (UTC)
    input = try(jsonencode(local.schedule.Target.Input), null)

    ecs_parameters {
      task_definition_arn     = templatestring(local.schedule_ecs.TaskDefinitionArn, local.placeholders)
      task_count              = local.schedule_ecs.TaskCount
      launch_type             = local.schedule_ecs.LaunchType
      platform_version        = local.schedule_ecs.PlatformVersion
      enable_ecs_managed_tags = local.schedule_ecs.EnableECSManagedTags
      propagate_tags          = local.schedule_ecs.PropagateTags
      reference_id            = local.schedule_ecs.ReferenceId

      network_configuration {
        subnets          = [for subnet in local.schedule_vpc.Subnets : templatestring(subnet, local.placeholders)]
        security_groups  = [for group in local.schedule_vpc.SecurityGroups : templatestring(group, local.placeholders)]
        assign_public_ip = local.schedule_vpc.AssignPublicIp == "ENABLED"
      }
    }

    retry_policy {
      maximum_event_age_in_seconds = local.schedule.Target.RetryPolicy.MaximumEventAgeInSeconds
      maximum_retry_attempts       = local.schedule.Target.RetryPolicy.MaximumRetryAttempts
    }

    dead_letter_config {
      arn = templatestring(local.dlq_arn, local.placeholders)
    }
  }

  # the file names the family, cluster, role and queue by ARN
  depends_on = [aws_ecs_task_definition.app, aws_ecs_cluster.main, aws_iam_role_policy.roles, aws_sqs_queue.schedule_dlq]
}

resource "aws_sns_topic" "alerts" {
  name = "weather-alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "TheFailedTaskRule"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.failed_task.arn } }
      },
      {
        Sid       = "TheAlarmsOfThisAccount"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "alert_emails" {
  for_each = toset(var.alert_emails)

  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_event_rule" "failed_task" {
  name          = local.failed_rule.Name
  description   = local.failed_rule.Description
  state         = local.failed_rule.State
  event_pattern = templatestring(local.rule_pattern, local.placeholders)
}

resource "aws_cloudwatch_event_target" "failed_task" {
  for_each = local.alert_targets

  rule      = aws_cloudwatch_event_rule.failed_task.name
  target_id = each.key
  arn       = templatestring(each.value.Arn, local.placeholders)

  input_transformer {
    input_paths    = each.value.InputTransformer.InputPathsMap
    input_template = each.value.InputTransformer.InputTemplate
  }
}
