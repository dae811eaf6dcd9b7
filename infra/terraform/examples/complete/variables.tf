variable "region" {
  description = "AWS region of the queues, buckets and the EKS cluster."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "environment" {
  description = "Environment name, used as a default tag (e.g. prod, staging)."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z0-9-]{1,32}$", var.environment))
    error_message = "environment must be 1-32 characters of a-z, 0-9 and '-'."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster the workers run in; its IAM OIDC provider must exist."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$", var.cluster_name))
    error_message = "cluster_name must be a valid EKS cluster name."
  }
}

variable "name_prefix" {
  description = "Prefix of queue, role and alarm names."
  type        = string
  default     = "sluice"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2-32 characters of a-z, 0-9 and '-', starting with a letter."
  }
}

variable "bucket_prefix" {
  description = "Globally unique prefix of the three bucket names (<prefix>-sources, -renditions, -dedup), e.g. \"acme-sluice-prod\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,50}[a-z0-9]$", var.bucket_prefix))
    error_message = "bucket_prefix must be 3-52 characters of a-z, 0-9 and '-'."
  }
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topic (each must confirm the subscription)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.alarm_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alarm_emails must be e-mail addresses."
  }
}

variable "owner" {
  description = "Team that owns this deployment, put in the Owner tag."
  type        = string
  default     = "media-platform"
}
