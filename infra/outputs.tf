output "api_url" {
  description = "The API behind the load balancer; point a DNS name of the certificate at api_load_balancer_dns."
  value       = "https://${aws_lb.api.dns_name}"
}

output "api_load_balancer_dns" {
  value = aws_lb.api.dns_name
}

output "image_repositories" {
  description = "Where to push the two images (docs/aws.md)."
  value       = { for name, repository in aws_ecr_repository.images : name => repository.repository_url }
}

output "data_location" {
  description = "Upload the station files here."
  value       = "s3://${aws_s3_bucket.data.bucket}/${var.data_prefix}/"
}

output "placeholders" {
  description = "The values of every $${PLACEHOLDER} of ecs-task-defs/placeholders.env.example, for rerun-night.sh and the rendered files."
  value       = local.placeholders
}

output "task_definitions_as_planned" {
  description = "The task definitions as registered, a value Terraform learns only on apply shown as (resource address)."
  value = {
    for key, file in local.task_definition_files :
    key => jsondecode(templatefile("${local.task_defs_dir}/${file}", local.placeholders_as_planned))
  }
}

output "db_roles_task" {
  description = "The one-off task that creates the database users."
  value       = aws_ecs_task_definition.db_roles.family
}

output "placeholder_sources" {
  description = "For each $${PLACEHOLDER} Terraform learns only on apply, the resource its value comes from."
  value       = { for name, p in local.computed_placeholders : name => p.from }
}

output "db_roles_psql_variables" {
  description = "The psql variables the roles task gives weather-roles.sql."
  value       = keys(local.roles_psql_variables)
}
