output "queue_urls" {
  description = "Work queue URLs by resource class and priority."
  value       = module.sluice.queue_urls
}

output "dead_letter_queue_urls" {
  description = "Dead-letter queue URLs by resource class and priority."
  value       = module.sluice.dead_letter_queue_urls
}

output "kubernetes_queues_env" {
  description = "Contents of k8s/overlays/cpu/queues.env and k8s/overlays/gpu/queues.env."
  value       = module.sluice.kubernetes_queues_env
}

output "source_bucket_name" {
  description = "Bucket the sources are uploaded to."
  value       = module.sluice.source_bucket_name
}

output "output_bucket_name" {
  description = "Bucket the renditions are published to."
  value       = module.sluice.output_bucket_name
}

output "dedup_bucket_name" {
  description = "Bucket of the enqueuer's dedup markers."
  value       = module.sluice.dedup_bucket_name
}

output "worker_role_arns" {
  description = "IRSA role ARNs of the cpu and gpu worker ServiceAccounts."
  value       = module.sluice.worker_role_arns
}

output "enqueuer_role_arn" {
  description = "IRSA role ARN of the enqueuer ServiceAccount."
  value       = module.sluice.enqueuer_role_arn
}

output "keda_scaler_role_arn" {
  description = "Role named by KEDA's TriggerAuthentication."
  value       = module.sluice.keda_scaler_role_arn
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = aws_sns_topic.alarms.arn
}
