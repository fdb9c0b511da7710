# The ECS cluster, the task definitions of ecs-task-defs/, their log groups, image repositories and IAM roles.

locals {
  # one task definition per file; the service, schedule and workers refer to them by these keys
  task_definition_files = {
    job    = "batch-job-task-def.json"
    worker = "batch-worker-task-def.json"
    api    = "api-task-def.json"
  }

  # the files as written: names without placeholders (family, log group, repository) come from here
  task_definitions_raw = {
    for key, file in local.task_definition_files : key => jsondecode(file("${local.task_defs_dir}/${file}"))
  }

  containers_raw = flatten([for td in values(local.task_definitions_raw) : td.containerDefinitions])

  log_groups = toset([for c in local.containers_raw : c.logConfiguration.options["awslogs-group"]])

  # ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG
  repositories = toset([for c in local.containers_raw : regex("/([^:/]+):", c.image)[0]])

  # each role with its trust and permission policy from ecs-task-defs/iam/
  roles = {
    weather-ecs-execution = { trust = "ecs-tasks-trust-policy.json", policy = "execution-role-policy.json" }
    weather-ingest-task   = { trust = "ecs-tasks-trust-policy.json", policy = "ingest-task-role-policy.json" }
    weather-api-task      = { trust = "ecs-tasks-trust-policy.json", policy = "api-task-role-policy.json" }
    weather-scheduler     = { trust = "scheduler-trust-policy.json", policy = "scheduler-role-policy.json" }
  }
}

resource "aws_ecs_cluster" "main" {
  name = var.ecs_cluster

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# the capacity providers the schedules' files ask for (the workers' FARGATE_SPOT), and FARGATE
resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name = aws_ecs_cluster.main.name
  capacity_providers = distinct(concat(["FARGATE"], flatten([
    for schedule in values(local.schedules) : [
      for strategy in try(schedule.Target.EcsParameters.CapacityProviderStrategy, []) : strategy.capacityProvider
    ]
  ])))
}

resource "aws_cloudwatch_log_group" "tasks" {
  for_each = local.log_groups

  name              = each.value
  retention_in_days = var.log_retention_days
}

resource "aws_ecr_repository" "images" {
  for_each = local.repositories

  name = each.value
  # a tag names one build for good: a release is rolled back by deploying the previous tag
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "images" {
  for_each = aws_ecr_repository.images

  repository = each.value.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "untagged layers of interrupted pushes"
        selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 1 }
        action       = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "keep the last ${var.ecr_keep_images} releases"
        selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = var.ecr_keep_images }
        action       = { type = "expire" }
      },
    ]
  })
}

resource "aws_iam_role" "roles" {
  for_each = local.roles

  name               = each.key
  assume_role_policy = templatefile("${local.task_defs_dir}/iam/${each.value.trust}", local.placeholders)
}

resource "aws_iam_role_policy" "roles" {
  for_each = local.roles

  name   = "weather"
  role   = aws_iam_role.roles[each.key].id
  policy = templatefile("${local.task_defs_dir}/iam/${each.value.policy}", local.placeholders)
}

resource "aws_ecs_task_definition" "app" {
  for_each = local.task_definitions_raw

  family                   = each.value.family
  requires_compatibilities = each.value.requiresCompatibilities
  network_mode             = each.value.networkMode
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  execution_role_arn       = templatestring(each.value.executionRoleArn, local.known_placeholders)
  task_role_arn            = templatestring(each.value.taskRoleArn, local.known_placeholders)
  container_definitions = jsonencode(jsondecode(templatefile(
    "${local.task_defs_dir}/${local.task_definition_files[each.key]}", local.placeholders
  )).containerDefinitions)

  runtime_platform {
    cpu_architecture        = each.value.runtimePlatform.cpuArchitecture
    operating_system_family = each.value.runtimePlatform.operatingSystemFamily
  }

  tags = { for tag in try(each.value.tags, []) : tag.key => tag.value }

  # the files name the roles by ARN; ECS needs them to exist, with their policies, when a task starts
  depends_on = [aws_iam_role_policy.roles, aws_cloudwatch_log_group.tasks]
}
