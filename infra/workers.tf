# How remote-partitioning workers come and go: an ECS service of the worker task definition
# (ecs-task-defs/batch-worker-task-def.json) with no task by day, scaled up by Application Auto Scaling a few
# minutes before the 02:00 UTC schedule and back to none once the night is over. Workers take partitions from
# the broker, so a night with fewer workers is slower, never wrong; the job (the manager) runs on its own.
# Self-contained: another way for workers to come and go replaces this file only.

variable "workers_at_night" {
  description = "Worker tasks running during the nightly window."
  type        = number
  default     = 2
}

variable "workers_start" {
  description = "When the workers start (UTC), a few minutes before the schedule so they are ready."
  type        = string
  default     = "cron(50 1 * * ? *)"
}

variable "workers_stop" {
  description = "When the workers stop (UTC): after the longest night, so a rerun by hand soon after still has them."
  type        = string
  default     = "cron(0 4 * * ? *)"
}

resource "aws_ecs_service" "workers" {
  name            = "weather-ingest-workers"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app["worker"].arn
  desired_count   = 0
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.batch.id]
    assign_public_ip = false
  }

  enable_ecs_managed_tags = true
  propagate_tags          = "TASK_DEFINITION"

  lifecycle {
    # the scheduled actions below own the count
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "workers" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.workers.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 0
  max_capacity       = var.workers_at_night
}

resource "aws_appautoscaling_scheduled_action" "workers" {
  for_each = {
    start = { schedule = var.workers_start, count = var.workers_at_night }
    stop  = { schedule = var.workers_stop, count = 0 }
  }

  name               = "weather-ingest-workers-${each.key}"
  service_namespace  = aws_appautoscaling_target.workers.service_namespace
  resource_id        = aws_appautoscaling_target.workers.resource_id
  scalable_dimension = aws_appautoscaling_target.workers.scalable_dimension
  schedule           = each.value.schedule
  timezone           = "UTC"

  scalable_target_action {
    min_capacity = each.value.count
    max_capacity = each.value.count
  }
}
