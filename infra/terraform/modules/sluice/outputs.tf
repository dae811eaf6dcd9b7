output "queue_urls" {
  description = "Work queue URLs by resource class and priority, e.g. queue_urls[\"cpu\"][\"high\"]."
  value = {
    for c in var.resource_classes : c => {
      for p in var.priorities : p => aws_sqs_queue.work["${c}-${p}"].url
    }
  }
}

output "dead_letter_queue_urls" {
  description = "Dead-letter queue URLs by resource class and priority."
  value = {
    for c in var.resource_classes : c => {
      for p in var.priorities : p => aws_sqs_queue.dead_letter["${c}-${p}"].url
    }
  }
}

output "queue_arns" {
  description = "Work queue ARNs by \"<class>-<priority>\"."
  value       = { for k, q in aws_sqs_queue.work : k => q.arn }
}

output "worker_sluice_queues" {
  description = "The SLUICE_QUEUES value of each resource class's workers: its queue URLs, highest priority first."
  value = {
    for c in var.resource_classes : c => join(",", [for p in var.priorities : aws_sqs_queue.work["${c}-${p}"].url])
  }
}

output "kubernetes_queues_env" {
  description = "The queues.env file of each resource class's kustomize overlay (k8s/overlays/<class>/queues.env)."
  value = {
    for c in var.resource_classes : c => join("\n", concat(
      ["AWS_REGION=${data.aws_region.current.region}"],
      [for p in var.priorities : "QUEUE_URL_${upper(p)}=${aws_sqs_queue.work["${c}-${p}"].url}"],
      [""],
    ))
  }
}

output "source_bucket_name" {
  description = "Bucket the sources are uploaded to."
  value       = aws_s3_bucket.this["sources"].bucket
}

output "output_bucket_name" {
  description = "Bucket the renditions are published to."
  value       = aws_s3_bucket.this["renditions"].bucket
}

output "dedup_bucket_name" {
  description = "Bucket of the enqueuer's dedup markers (SLUICE_DEDUP_BUCKET)."
  value       = aws_s3_bucket.this["dedup"].bucket
}

output "worker_role_arns" {
  description = "IRSA role ARN of each resource class's workers (ServiceAccount annotation eks.amazonaws.com/role-arn)."
  value       = { for c, r in aws_iam_role.worker : c => r.arn }
}

output "enqueuer_role_arn" {
  description = "IRSA role ARN of the enqueuer's ServiceAccount."
  value       = aws_iam_role.enqueuer.arn
}

output "keda_scaler_role_arn" {
  description = "Role KEDA assumes to read queue depth (TriggerAuthentication podIdentity.roleArn); null when keda_operator_service_account is null."
  value       = one(aws_iam_role.keda_scaler[*].arn)
}
