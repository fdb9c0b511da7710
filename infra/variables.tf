# What an operator sets (see example.tfvars and docs/aws.md). Names of things the JSON files in ecs-task-defs/
# and eventbridge/ fix (task families, role names, log groups, repositories) are not variables: those files are
# the one source of them.

variable "region" {
  description = "AWS region of the whole stack, e.g. eu-west-1."
  type        = string
}

variable "account_id" {
  description = "The 12-digit AWS account the stack goes to: the task definitions and policies name it in ARNs."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id is the 12-digit AWS account number."
  }
}

variable "vpc_id" {
  description = "The existing VPC."
  type        = string
}

variable "private_subnet_ids" {
  description = "At least two private subnets in different availability zones for the tasks, the database and the broker. They need a route to S3 (gateway endpoint), ECR, CloudWatch Logs and Secrets Manager (NAT or interface endpoints)."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Give at least two private subnets (two availability zones): RDS and the load balancer need them."
  }
}

variable "public_subnet_ids" {
  description = "At least two public subnets for the internet-facing load balancer (or private ones with load_balancer_internal = true)."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "The application load balancer needs subnets in at least two availability zones."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for the API's HTTPS listener, in the same region."
  type        = string
}

variable "load_balancer_internal" {
  description = "true for a load balancer reachable only inside the VPC."
  type        = bool
  default     = false
}

variable "api_allowed_cidrs" {
  description = "Who may call the API over HTTPS. The load balancer is the only thing with an ingress from outside the VPC."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "image_tag" {
  description = "The tag pushed to both ECR repositories for this release, e.g. the git commit."
  type        = string
}

variable "ecs_cluster" {
  description = "Name of the ECS cluster."
  type        = string
  default     = "weather"
}

variable "data_bucket" {
  description = "Name of the S3 bucket for the station files (globally unique)."
  type        = string
}

variable "data_prefix" {
  description = "Prefix of the station files in the bucket, no leading or trailing slash."
  type        = string
  default     = "ghcnd/daily"

  validation {
    condition     = !startswith(var.data_prefix, "/") && !endswith(var.data_prefix, "/")
    error_message = "data_prefix has no leading or trailing slash."
  }
}

variable "data_noncurrent_version_days" {
  description = "Days an overwritten or deleted station file's old version is kept."
  type        = number
  default     = 30
}

variable "db_name" {
  description = "The PostgreSQL database."
  type        = string
  default     = "weather"
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "db_allocated_storage_gb" {
  type    = number
  default = 50
}

variable "db_max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling."
  type        = number
  default     = 200
}

variable "db_multi_az" {
  type    = bool
  default = true
}

variable "db_backup_retention_days" {
  type    = number
  default = 7

  validation {
    condition     = var.db_backup_retention_days >= 1
    error_message = "Backups stay on: keep them at least one day."
  }
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database (and take a final snapshot if it is deleted anyway). Set false only to tear a test stack down."
  type        = bool
  default     = true
}

variable "db_job_user" {
  description = "The job's database user: owns the schema, Liquibase runs as it."
  type        = string
  default     = "weather_job"
}

variable "db_api_user" {
  description = "The API's read-only database user."
  type        = string
  default     = "weather_api"
}

variable "db_roles_image" {
  description = "Image with psql for the one-off task that creates the two database users (docs/aws.md)."
  type        = string
  default     = "public.ecr.aws/docker/library/postgres:15-alpine"
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "ecr_keep_images" {
  description = "Tagged images kept per repository; older ones expire (untagged ones after a day)."
  type        = number
  default     = 30
}

variable "api_min_tasks" {
  type    = number
  default = 2
}

variable "api_max_tasks" {
  type    = number
  default = 6
}

variable "api_target_cpu_percent" {
  type    = number
  default = 60
}

variable "api_target_requests_per_task" {
  description = "Requests per minute per API task the scaling policy aims for (ALBRequestCountPerTarget)."
  type        = number
  default     = 3000
}

variable "broker_instance_type" {
  type    = string
  default = "mq.m7g.medium"
}

variable "broker_deployment_mode" {
  description = "SINGLE_INSTANCE or CLUSTER_MULTI_AZ."
  type        = string
  default     = "SINGLE_INSTANCE"
}

variable "broker_engine_version" {
  type    = string
  default = "3.13"
}

variable "alert_emails" {
  description = "Addresses subscribed to the alert topic (each confirms by mail)."
  type        = list(string)
  default     = []
}

variable "offline_plan" {
  description = "Only for infra/plan-offline.sh: skip every provider call that needs an AWS account."
  type        = bool
  default     = false
}
