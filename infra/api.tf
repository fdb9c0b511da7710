# The API: an ECS service behind an internet-facing application load balancer with HTTPS, the target group of
# ecs-task-defs/api-target-group.json (its health check is the API's readiness endpoint), and auto scaling on CPU
# and on requests per task.

locals {
  target_group = jsondecode(file("${local.task_defs_dir}/api-target-group.json"))
  api_service  = jsondecode(file("${local.task_defs_dir}/api-service.json"))
  api_port     = local.task_definitions_raw.api.containerDefinitions[0].portMappings[0].containerPort
}

resource "aws_lb" "api" {
  name                       = "weather"
  load_balancer_type         = "application"
  internal                   = var.load_balancer_internal
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  # the API keeps an idle connection open longer (server.tomcat.keep-alive-timeout in its application.yml), so
  # that the load balancer, not the task, closes it: never a request sent on a connection the task is closing
  idle_timeout = 60
}

resource "aws_lb_target_group" "api" {
  name        = local.target_group.Name
  protocol    = local.target_group.Protocol
  port        = local.target_group.Port
  vpc_id      = var.vpc_id
  target_type = local.target_group.TargetType
  # tasks finish their requests within their stopTimeout; no need to wait the default 300 s
  deregistration_delay = 30

  health_check {
    protocol            = local.target_group.HealthCheckProtocol
    path                = local.target_group.HealthCheckPath
    interval            = local.target_group.HealthCheckIntervalSeconds
    timeout             = local.target_group.HealthCheckTimeoutSeconds
    healthy_threshold   = local.target_group.HealthyThresholdCount
    unhealthy_threshold = local.target_group.UnhealthyThresholdCount
    matcher             = local.target_group.Matcher.HttpCode
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}

resource "aws_ecs_service" "api" {
  name                               = local.api_service.serviceName
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.app["api"].arn
  desired_count                      = max(local.api_service.desiredCount, var.api_min_tasks)
  launch_type                        = local.api_service.launchType
  platform_version                   = local.api_service.platformVersion
  health_check_grace_period_seconds  = local.api_service.healthCheckGracePeriodSeconds
  deployment_minimum_healthy_percent = local.api_service.deploymentConfiguration.minimumHealthyPercent
  deployment_maximum_percent         = local.api_service.deploymentConfiguration.maximumPercent
  propagate_tags                     = local.api_service.propagateTags
  enable_ecs_managed_tags            = local.api_service.enableECSManagedTags

  deployment_circuit_breaker {
    enable   = local.api_service.deploymentConfiguration.deploymentCircuitBreaker.enable
    rollback = local.api_service.deploymentConfiguration.deploymentCircuitBreaker.rollback
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.api.id]
    assign_public_ip = local.api_service.networkConfiguration.awsvpcConfiguration.assignPublicIp == "ENABLED"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = local.api_service.loadBalancers[0].containerName
    container_port   = local.api_service.loadBalancers[0].containerPort
  }

  lifecycle {
    # auto scaling owns the count once the service runs
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https]
}

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.api_min_tasks
  max_capacity       = var.api_max_tasks
}

resource "aws_appautoscaling_policy" "api_cpu" {
  name               = "weather-api-cpu"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  policy_type        = "TargetTrackingScaling"

  target_tracking_scaling_policy_configuration {
    target_value       = var.api_target_cpu_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "api_requests" {
  name               = "weather-api-requests"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  policy_type        = "TargetTrackingScaling"

  target_tracking_scaling_policy_configuration {
    target_value       = var.api_target_requests_per_task
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${aws_lb.api.arn_suffix}/${aws_lb_target_group.api.arn_suffix}"
    }
  }
}
