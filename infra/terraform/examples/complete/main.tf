# Everything Sluice needs in one AWS account and region, for one EKS cluster: cpu and gpu queues,
# the three buckets, IRSA roles and alarms mailed to an SNS topic. See ../../README.md.

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "sluice"
      Environment = var.environment
    }
  }
}

# The cluster's IAM OIDC provider (created with the cluster, e.g. by eksctl or the EKS module).
data "aws_eks_cluster" "this" {
  name = var.cluster_name
}

data "aws_iam_openid_connect_provider" "cluster" {
  url = data.aws_eks_cluster.this.identity[0].oidc[0].issuer
}

# Not encrypted with the AWS-managed SNS key: CloudWatch alarms cannot publish to a topic under
# alias/aws/sns (its key policy does not admit CloudWatch). Use a customer key to encrypt it.
resource "aws_sns_topic" "alarms" {
  name = "${var.name_prefix}-alarms"
}

resource "aws_sns_topic_subscription" "alarms_email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

module "sluice" {
  source = "../../modules/sluice"

  name_prefix      = var.name_prefix
  resource_classes = ["cpu", "gpu"]

  source_bucket_name = "${var.bucket_prefix}-sources"
  output_bucket_name = "${var.bucket_prefix}-renditions"
  dedup_bucket_name  = "${var.bucket_prefix}-dedup"
  source_prefix      = "uploads/"
  output_prefix      = "renditions/"

  # Must match the workers (k8s/base/worker/deployment.yaml): SLUICE_MAX_ATTEMPTS=5,
  # SLUICE_VISIBILITY_TIMEOUT=60s.
  worker_max_attempts        = 5
  max_receive_count          = 6
  visibility_timeout_seconds = 60

  oidc_provider_arn = data.aws_iam_openid_connect_provider.cluster.arn
  oidc_provider_url = data.aws_iam_openid_connect_provider.cluster.url
  namespace         = "sluice"

  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]

  tags = {
    Owner = var.owner
  }
}
