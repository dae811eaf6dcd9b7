variable "name_prefix" {
  description = "Prefix of every queue, role and alarm name (e.g. \"sluice\" or \"sluice-dev\"). Queues are named <prefix>-<class>-<priority>[-dlq]."
  type        = string
  default     = "sluice"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2-32 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'."
  }
}

variable "resource_classes" {
  description = "Worker resource classes to provision queues and an IAM role for: \"cpu\" and/or \"gpu\"."
  type        = list(string)
  default     = ["cpu"]

  validation {
    condition     = length(var.resource_classes) > 0 && alltrue([for c in var.resource_classes : contains(["cpu", "gpu"], c)])
    error_message = "resource_classes must be a non-empty list of \"cpu\" and \"gpu\"."
  }
}

variable "priorities" {
  description = "Priorities to provision a queue for, highest first. The worker polls them in this order (SLUICE_QUEUES) and the enqueuer routes by them (SLUICE_ENQUEUE_QUEUES); \"normal\" is required."
  type        = list(string)
  default     = ["high", "normal", "low"]

  validation {
    condition     = contains(var.priorities, "normal") && alltrue([for p in var.priorities : contains(["high", "normal", "low"], p)]) && length(distinct(var.priorities)) == length(var.priorities)
    error_message = "priorities must be distinct values among \"high\", \"normal\" and \"low\", and include \"normal\"."
  }
}

variable "worker_max_attempts" {
  description = "The workers' SLUICE_MAX_ATTEMPTS: deliveries after which a worker dead-letters a retried job itself, with its reason. Only used to check max_receive_count."
  type        = number
  default     = 5

  validation {
    condition     = var.worker_max_attempts >= 1 && var.worker_max_attempts <= 999 && floor(var.worker_max_attempts) == var.worker_max_attempts
    error_message = "worker_max_attempts must be a whole number from 1 to 999."
  }
}

variable "max_receive_count" {
  description = "Redrive maxReceiveCount of every work queue. Must exceed worker_max_attempts: the worker dead-letters with a reason first, and SQS's redrive is only the backstop for a worker that dies mid-job."
  type        = number
  default     = 6

  validation {
    condition     = var.max_receive_count > var.worker_max_attempts && var.max_receive_count <= 1000 && floor(var.max_receive_count) == var.max_receive_count
    error_message = "max_receive_count must be a whole number above worker_max_attempts and at most 1000."
  }
}

variable "visibility_timeout_seconds" {
  description = "Visibility timeout of the work queues. Set it equal to the workers' SLUICE_VISIBILITY_TIMEOUT (60s by default): the lease keeper extends it while a job runs, so it bounds how soon a crashed worker's job is retried, not how long a job may take."
  type        = number
  default     = 60

  validation {
    condition     = var.visibility_timeout_seconds >= 30 && var.visibility_timeout_seconds <= 43200
    error_message = "visibility_timeout_seconds must be between 30 and 43200 (12 hours)."
  }
}

variable "receive_wait_time_seconds" {
  description = "Long-poll wait of the work queues (the workers ask for SLUICE_LONG_POLL, 20s by default)."
  type        = number
  default     = 20

  validation {
    condition     = var.receive_wait_time_seconds >= 0 && var.receive_wait_time_seconds <= 20
    error_message = "receive_wait_time_seconds must be between 0 and 20."
  }
}

variable "message_retention_seconds" {
  description = "How long a job may wait in a work queue before SQS deletes it."
  type        = number
  default     = 345600 # 4 days

  validation {
    condition     = var.message_retention_seconds >= 60 && var.message_retention_seconds <= 1209600
    error_message = "message_retention_seconds must be between 60 and 1209600 (14 days)."
  }
}

variable "dlq_message_retention_seconds" {
  description = "How long a dead letter is kept. SQS keeps a message's first enqueue time when it moves to the DLQ, so this must exceed message_retention_seconds or dead letters expire early."
  type        = number
  default     = 1209600 # 14 days, the SQS maximum

  validation {
    condition     = var.dlq_message_retention_seconds > var.message_retention_seconds && var.dlq_message_retention_seconds <= 1209600
    error_message = "dlq_message_retention_seconds must exceed message_retention_seconds and be at most 1209600 (14 days)."
  }
}

variable "fifo_queues" {
  description = "Create FIFO queues (<name>.fifo) instead of standard ones, for exactly-once enqueue dedup within 5 minutes. Requires the enqueuer to send a MessageGroupId; standard queues are the tested default."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "A customer-managed KMS key for SQS and S3 encryption (SSE-KMS), or null for SQS-managed SSE and S3 SSE-S3. When set, the roles get kms:GenerateDataKey and kms:Decrypt on this key only; the key policy must let the account's IAM grant that."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be null or a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "source_bucket_name" {
  description = "Name of the bucket the sources are uploaded to (created by this module)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.source_bucket_name))
    error_message = "source_bucket_name must be a valid S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-')."
  }
}

variable "output_bucket_name" {
  description = "Name of the bucket the workers publish renditions to (created by this module, versioned)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.output_bucket_name))
    error_message = "output_bucket_name must be a valid S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-')."
  }
}

variable "dedup_bucket_name" {
  description = "Name of the bucket holding the enqueuer's job-level dedup markers (SLUICE_DEDUP_BUCKET; created by this module)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.dedup_bucket_name))
    error_message = "dedup_bucket_name must be a valid S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-')."
  }
}

variable "source_prefix" {
  description = "Key prefix the workers and the enqueuer may read sources under (\"\" for the whole bucket). Keep it in line with allow.sources of the policy rules."
  type        = string
  default     = ""

  validation {
    condition     = var.source_prefix == "" || can(regex("^[^*?]+/$", var.source_prefix))
    error_message = "source_prefix must be \"\" or a key prefix ending in '/' without wildcards."
  }
}

variable "output_prefix" {
  description = "Key prefix the workers may write renditions under (\"\" for the whole bucket). Keep it in line with allow.targets of the policy rules."
  type        = string
  default     = ""

  validation {
    condition     = var.output_prefix == "" || can(regex("^[^*?]+/$", var.output_prefix))
    error_message = "output_prefix must be \"\" or a key prefix ending in '/' without wildcards."
  }
}

variable "dedup_prefix" {
  description = "Key prefix of the dedup markers in the dedup bucket (the enqueuer's SLUICE_DEDUP_PREFIX)."
  type        = string
  default     = "sluice-dedup/"

  validation {
    condition     = can(regex("^[^*?]+/$", var.dedup_prefix))
    error_message = "dedup_prefix must be a key prefix ending in '/' without wildcards."
  }
}

variable "dedup_expiration_days" {
  description = "Days after which dedup markers are deleted. Keep it above the enqueuer's SLUICE_DEDUP_WINDOW (24h by default)."
  type        = number
  default     = 2

  validation {
    condition     = var.dedup_expiration_days >= 1 && floor(var.dedup_expiration_days) == var.dedup_expiration_days
    error_message = "dedup_expiration_days must be a whole number of at least 1."
  }
}

variable "temp_prefixes" {
  description = "Key prefixes in the output bucket that hold temporary objects, deleted after temp_expiration_days."
  type        = list(string)
  default     = ["tmp/"]

  validation {
    condition     = alltrue([for p in var.temp_prefixes : can(regex("^[^*?]+/$", p))])
    error_message = "Every temp prefix must end in '/' and contain no wildcards."
  }
}

variable "temp_expiration_days" {
  description = "Days after which objects under temp_prefixes are deleted."
  type        = number
  default     = 1

  validation {
    condition     = var.temp_expiration_days >= 1 && floor(var.temp_expiration_days) == var.temp_expiration_days
    error_message = "temp_expiration_days must be a whole number of at least 1."
  }
}

variable "abort_incomplete_multipart_days" {
  description = "Days after which S3 aborts multipart uploads that were never completed (a worker that died mid-upload), on every bucket."
  type        = number
  default     = 2

  validation {
    condition     = var.abort_incomplete_multipart_days >= 1 && floor(var.abort_incomplete_multipart_days) == var.abort_incomplete_multipart_days
    error_message = "abort_incomplete_multipart_days must be a whole number of at least 1."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which overwritten (noncurrent) rendition versions are deleted from the versioned output bucket."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1 && floor(var.noncurrent_version_expiration_days) == var.noncurrent_version_expiration_days
    error_message = "noncurrent_version_expiration_days must be a whole number of at least 1."
  }
}

variable "force_destroy_buckets" {
  description = "Let terraform destroy delete non-empty buckets. Keep false outside throwaway environments."
  type        = bool
  default     = false
}

variable "oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (aws_iam_openid_connect_provider), trusted by the IRSA roles."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/.+$", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must be an IAM OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<host>/id/<id>)."
  }
}

variable "oidc_provider_url" {
  description = "Issuer URL of the cluster's OIDC provider, with or without https:// (e.g. oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE)."
  type        = string

  validation {
    condition     = can(regex("^(https://)?[a-z0-9.-]+(/[A-Za-z0-9._-]+)*$", var.oidc_provider_url))
    error_message = "oidc_provider_url must be a host and path such as oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE, optionally with https://."
  }
}

variable "namespace" {
  description = "Kubernetes namespace the ServiceAccounts live in (k8s/overlays/cpu uses \"sluice\")."
  type        = string
  default     = "sluice"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a valid Kubernetes namespace name."
  }
}

variable "worker_service_accounts" {
  description = "Kubernetes ServiceAccount of each resource class's worker pool (k8s/base/worker and overlays/gpu)."
  type        = map(string)
  default = {
    cpu = "sluice-worker"
    gpu = "sluice-worker-gpu"
  }

  validation {
    condition     = alltrue([for c in var.resource_classes : contains(keys(var.worker_service_accounts), c)])
    error_message = "worker_service_accounts must name a ServiceAccount for every entry of resource_classes."
  }
}

variable "enqueuer_service_account" {
  description = "Kubernetes ServiceAccount of the enqueuer."
  type        = string
  default     = "sluice-enqueuer"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$", var.enqueuer_service_account))
    error_message = "enqueuer_service_account must be a valid Kubernetes name."
  }
}

variable "keda_operator_service_account" {
  description = "\"<namespace>:<name>\" of the KEDA operator's ServiceAccount, trusted by the read-only scaler role that the TriggerAuthentication names; null creates no scaler role."
  type        = string
  default     = "keda:keda-operator"

  validation {
    condition     = var.keda_operator_service_account == null || can(regex("^[a-z0-9-]+:[a-z0-9.-]+$", var.keda_operator_service_account))
    error_message = "keda_operator_service_account must be null or \"<namespace>:<serviceaccount>\"."
  }
}

variable "oldest_message_age_alarm_seconds" {
  description = "Alarm when a work queue's oldest message is older than this, per priority."
  type        = map(number)
  default = {
    high   = 300
    normal = 900
    low    = 3600
  }

  validation {
    condition     = alltrue([for p in var.priorities : contains(keys(var.oldest_message_age_alarm_seconds), p) && var.oldest_message_age_alarm_seconds[p] >= 60])
    error_message = "oldest_message_age_alarm_seconds must give every priority a threshold of at least 60 seconds."
  }
}

variable "backlog_alarm_threshold" {
  description = "Alarm when more than this many messages wait (visible) in one work queue for 15 minutes."
  type        = number
  default     = 1000

  validation {
    condition     = var.backlog_alarm_threshold >= 1
    error_message = "backlog_alarm_threshold must be at least 1."
  }
}

variable "alarm_actions" {
  description = "ARNs (e.g. SNS topics) notified when an alarm fires."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.alarm_actions : can(regex("^arn:aws[a-z-]*:", a))])
    error_message = "alarm_actions must be ARNs."
  }
}

variable "ok_actions" {
  description = "ARNs notified when an alarm returns to OK."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.ok_actions : can(regex("^arn:aws[a-z-]*:", a))])
    error_message = "ok_actions must be ARNs."
  }
}

variable "tags" {
  description = "Tags added to every resource that takes tags."
  type        = map(string)
  default     = {}
}
