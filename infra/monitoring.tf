# Every alarm of eventbridge/alarms/ (a new file there is a new alarm), one on the schedule's dead-letter queue,
# and the dashboard.

locals {
  alarms = {
    for file in fileset("${local.eventbridge_dir}/alarms", "*.json") :
    trimsuffix(file, ".json") => jsondecode(file("${local.eventbridge_dir}/alarms/${file}"))
  }
  metrics_namespace = [
    for variable in local.task_definitions_raw.job.containerDefinitions[0].environment :
    variable.value if variable.name == "METRICS_CLOUDWATCH_NAMESPACE"
  ][0]
  job_name = [
    for variable in local.task_definitions_raw.api.containerDefinitions[0].environment :
    variable.value if variable.name == "WEATHER_API_JOB_NAME"
  ][0]
}

resource "aws_cloudwatch_metric_alarm" "files" {
  for_each = local.alarms

  alarm_name          = each.value.AlarmName
  alarm_description   = each.value.AlarmDescription
  comparison_operator = each.value.ComparisonOperator
  threshold           = each.value.Threshold
  evaluation_periods  = each.value.EvaluationPeriods
  datapoints_to_alarm = try(each.value.DatapointsToAlarm, null)
  treat_missing_data  = try(each.value.TreatMissingData, null)
  alarm_actions       = [for action in try(each.value.AlarmActions, []) : templatestring(action, local.placeholders)]
  ok_actions          = [for action in try(each.value.OKActions, []) : templatestring(action, local.placeholders)]

  # a single metric...
  namespace          = try(each.value.Namespace, null)
  metric_name        = try(each.value.MetricName, null)
  statistic          = try(each.value.Statistic, null)
  extended_statistic = try(each.value.ExtendedStatistic, null)
  period             = try(each.value.Period, null)
  # (no try() here: a placeholder this stack does not fill in must fail the plan, not drop the dimensions)
  dimensions = contains(keys(each.value), "Dimensions") ? {
    for dimension in each.value.Dimensions : dimension.Name => templatestring(dimension.Value, local.placeholders)
  } : null

  # ...or metric math
  dynamic "metric_query" {
    for_each = try(each.value.Metrics, [])
    content {
      id          = metric_query.value.Id
      expression  = try(metric_query.value.Expression, null)
      label       = try(metric_query.value.Label, null)
      return_data = try(metric_query.value.ReturnData, null)

      dynamic "metric" {
        for_each = can(metric_query.value.MetricStat) ? [metric_query.value.MetricStat] : []
        content {
          namespace   = metric.value.Metric.Namespace
          metric_name = metric.value.Metric.MetricName
          period      = metric.value.Period
          stat        = metric.value.Stat
          dimensions = {
            for dimension in metric.value.Metric.Dimensions :
            dimension.Name => templatestring(dimension.Value, local.placeholders)
          }
        }
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "schedule_dlq" {
  alarm_name          = "weather-ingest-schedule-dead-letter"
  alarm_description   = "The nightly schedule could not start the ingest task for an hour; the run is in ${aws_sqs_queue.schedule_dlq.name}. Rerun the night with ecs-task-defs/rerun-night.sh."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.schedule_dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

# The dashboard names the load balancer's metrics by a search on the target group's name, so that its body is
# known when Terraform plans (the load balancer's ARN suffix is not).
resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = "weather"
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "metric", x = 0, y = 0, width = 12, height = 6
        properties = {
          title   = "Nightly load: duration (ms)"
          region  = var.region
          stat    = "Maximum"
          period  = 3600
          metrics = [[local.metrics_namespace, "ingest.job.duration.max", "job", local.job_name, "status", "COMPLETED"]]
        }
      },
      {
        type = "metric", x = 12, y = 0, width = 12, height = 6
        properties = {
          title  = "Nightly load: rows"
          region = var.region
          stat   = "Sum"
          period = 3600
          metrics = [
            [local.metrics_namespace, "ingest.rows.read", "job", local.job_name],
            [local.metrics_namespace, "ingest.rows.written", "job", local.job_name],
            [local.metrics_namespace, "ingest.rows.rejected", "job", local.job_name],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 6, width = 12, height = 6
        properties = {
          title  = "Nightly load: runs and failures"
          region = var.region
          stat   = "Sum"
          period = 3600
          metrics = [
            [local.metrics_namespace, "ingest.job.runs", "job", local.job_name, "status", "COMPLETED"],
            [local.metrics_namespace, "ingest.job.failures", "job", local.job_name],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 6, width = 12, height = 6
        properties = {
          title  = "API: requests and 5xx"
          region = var.region
          period = 60
          metrics = [
            [{ id = "requests", label = "requests", expression = "SUM(SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup} MetricName=\"RequestCount\" \"${local.target_group.Name}\"', 'Sum', 60))" }],
            [{ id = "errors", label = "5xx", expression = "SUM(SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup} MetricName=\"HTTPCode_Target_5XX_Count\" \"${local.target_group.Name}\"', 'Sum', 60))" }],
          ]
        }
      },
      {
        type = "metric", x = 0, y = 12, width = 12, height = 6
        properties = {
          title  = "API: p95 latency (s)"
          region = var.region
          period = 60
          metrics = [
            [{ id = "p95", label = "p95", expression = "SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup} MetricName=\"TargetResponseTime\" \"${local.target_group.Name}\"', 'p95', 60)" }],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 12, width = 12, height = 6
        properties = {
          title  = "Database: CPU (%) and connections"
          region = var.region
          period = 60
          stat   = "Average"
          metrics = [
            ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", aws_db_instance.main.identifier],
            ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", aws_db_instance.main.identifier, { yAxis = "right" }],
          ]
        }
      },
    ]
  })
}
