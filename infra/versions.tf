terraform {
  required_version = "~> 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = var.region

  # plan-offline.sh sets offline_plan: no AWS account is reachable there, so the provider must not ask AWS who it
  # is, which regions exist or what the instance metadata says. A real apply leaves them all at false.
  skip_credentials_validation = var.offline_plan
  skip_requesting_account_id  = var.offline_plan
  skip_metadata_api_check     = var.offline_plan
  skip_region_validation      = var.offline_plan

  default_tags {
    tags = {
      app = "weather-warehouse"
    }
  }
}
