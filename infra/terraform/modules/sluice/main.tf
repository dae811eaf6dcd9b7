# Sluice's AWS side: per resource class and priority an SQS work queue with its dead-letter queue,
# the source / rendition / dedup buckets, one IRSA role per worker pool, one for the enqueuer and a
# read-only one for KEDA, and CloudWatch alarms on every queue.

data "aws_region" "current" {}

locals {
  # "cpu-high" => { resource_class = "cpu", priority = "high", order = 0 }, ...
  queues = {
    for pair in setproduct(var.resource_classes, var.priorities) :
    "${pair[0]}-${pair[1]}" => {
      resource_class = pair[0]
      priority       = pair[1]
      order          = index(var.priorities, pair[1])
    }
  }

  fifo_suffix = var.fifo_queues ? ".fifo" : ""
  use_kms     = var.kms_key_arn != null
  oidc_host   = trimprefix(trimprefix(var.oidc_provider_url, "https://"), "http://")

  buckets = {
    sources    = var.source_bucket_name
    renditions = var.output_bucket_name
    dedup      = var.dedup_bucket_name
  }

  tags = merge({ "sluice:managed-by" = "terraform" }, var.tags)
}
