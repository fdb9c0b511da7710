# The nightly schedules (eventbridge/nightly-ingest-schedule.json runs the job, nightly-workers-schedule.json
# starts its remote-partitioning workers at the same minute), their dead-letter queue, the failed-task rule
# (eventbridge/failed-ingest-task-rule.json) and the alert topic that rule and the alarms notify.

locals {
  schedules = {
    for key, file in {
      job     = "nightly-ingest-schedule.json"
      workers = "nightly-workers-schedule.json"
    } : key => jsondecode(file("${local.eventbridge_dir}/${file}"))
  }
  failed_rule   = jsondecode(file("${local.eventbridge_dir}/failed-ingest-task-rule.json"))
  rule_pattern  = jsonencode(local.failed_rule.EventPattern)
  dlq_arn       = local.schedules.job.Target.DeadLetterConfig.Arn
  alert_targets = { for target in local.failed_rule.Targets : target.Id => target }
}

resource "aws_sqs_queue" "schedule_dlq" {
  # arn:aws:sqs:REGION:ACCOUNT:NAME
  name                      = element(split(":", local.dlq_arn), 5)
  message_retention_seconds = 14 * 24 * 3600
  sqs_managed_sse_enabled   = true
}

moved {
  from = aws_scheduler_schedule.nightly
  to   = aws_scheduler_schedule.nightly["job"]
}

resource "aws_scheduler_schedule" "nightly" {
  for_each = local.schedules

  name                         = each.value.Name
  group_name                   = each.value.GroupName
  description                  = each.value.Description
  schedule_expression          = each.value.ScheduleExpression
  schedule_expression_timezone = each.value.ScheduleExpressionTimezone
  state                        = each.value.State

  flexible_time_window {
    mode = each.value.FlexibleTimeWindow.Mode
  }

  target {
    arn      = templatestring(each.value.Target.Arn, local.placeholders)
    role_arn = templatestring(each.value.Target.RoleArn, local.placeholders)
    # the RunTask overrides, a JSON string as the API takes it: the job's run.date=<aws.scheduler.scheduled-time>
    input = try(each.value.Target.Input, null)

    ecs_parameters {
      task_definition_arn     = templatestring(each.value.Target.EcsParameters.TaskDefinitionArn, local.placeholders)
      task_count              = each.value.Target.EcsParameters.TaskCount
      launch_type             = try(each.value.Target.EcsParameters.LaunchType, null)
      platform_version        = each.value.Target.EcsParameters.PlatformVersion
      enable_ecs_managed_tags = each.value.Target.EcsParameters.EnableECSManagedTags
      propagate_tags          = each.value.Target.EcsParameters.PropagateTags
      reference_id            = each.value.Target.EcsParameters.ReferenceId

      # the workers run on Fargate Spot (a launch type and a strategy exclude each other)
      dynamic "capacity_provider_strategy" {
        for_each = try(each.value.Target.EcsParameters.CapacityProviderStrategy, [])
        content {
          capacity_provider = capacity_provider_strategy.value.capacityProvider
          weight            = try(capacity_provider_strategy.value.weight, null)
          base              = try(capacity_provider_strategy.value.base, null)
        }
      }

      network_configuration {
        subnets          = [for subnet in each.value.Target.EcsParameters.NetworkConfiguration.awsvpcConfiguration.Subnets : templatestring(subnet, local.placeholders)]
        security_groups  = [for group in each.value.Target.EcsParameters.NetworkConfiguration.awsvpcConfiguration.SecurityGroups : templatestring(group, local.placeholders)]
        assign_public_ip = each.value.Target.EcsParameters.NetworkConfiguration.awsvpcConfiguration.AssignPublicIp == "ENABLED"
      }
    }

    retry_policy {
      maximum_event_age_in_seconds = each.value.Target.RetryPolicy.MaximumEventAgeInSeconds
      maximum_retry_attempts       = each.value.Target.RetryPolicy.MaximumRetryAttempts
    }

    dead_letter_config {
      arn = templatestring(each.value.Target.DeadLetterConfig.Arn, local.placeholders)
    }
  }

  lifecycle {
    precondition {
      condition     = each.value.Target.DeadLetterConfig.Arn == local.dlq_arn
      error_message = "${each.key}'s schedule dead-letters to ${each.value.Target.DeadLetterConfig.Arn}, not the queue this stack creates (${local.dlq_arn})."
    }
  }

  # the files name the families, cluster, role and queue by ARN
  depends_on = [aws_ecs_task_definition.app, aws_ecs_cluster_capacity_providers.main, aws_iam_role_policy.roles,
  aws_sqs_queue.schedule_dlq]
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
