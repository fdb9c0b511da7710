# Placeholder values: plan-offline.sh plans with these. Copy to your own .tfvars (not committed) and set yours.
region             = "eu-west-1"
account_id         = "123456789012"
vpc_id             = "vpc-0123456789abcdef0"
private_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
public_subnet_ids  = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
certificate_arn    = "arn:aws:acm:eu-west-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef"
image_tag          = "0.1.0-abc1234"
data_bucket        = "weather-data-123456789012"
alert_emails       = ["ops@example.com"]
