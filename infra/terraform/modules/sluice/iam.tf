# Least privilege: every statement names exactly the actions one process uses on exactly the
# queues, buckets and prefixes it uses them on. Batch SQS calls (DeleteMessageBatch,
# ChangeMessageVisibilityBatch, SendMessageBatch) are authorised by their single-message action,
# HeadObject by s3:GetObject, and CreateMultipartUpload / UploadPart / CompleteMultipartUpload by
# s3:PutObject. s3:ListBucket is there so a HEAD of a missing key answers 404, not 403.

locals {
  source_objects    = "${aws_s3_bucket.this["sources"].arn}/${var.source_prefix}*"
  rendition_objects = "${aws_s3_bucket.this["renditions"].arn}/${var.output_prefix}*"
  dedup_objects     = "${aws_s3_bucket.this["dedup"].arn}/${var.dedup_prefix}*"
  kms_key_arns    = local.use_kms ? [var.kms_key_arn] : []
}

# ---------------------------------------------------------------- workers (one role per class)

data "aws_iam_policy_document" "worker_trust" {
  for_each = toset(var.resource_classes)

  statement {
    sid     = "IrsaWorkerServiceAccount"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${var.worker_service_accounts[each.key]}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "worker" {
  for_each = toset(var.resource_classes)

  name                 = "${var.name_prefix}-worker-${each.key}"
  description          = "Sluice ${each.key} workers: consume the ${each.key} queues, read sources, publish renditions."
  assume_role_policy   = data.aws_iam_policy_document.worker_trust[each.key].json
  max_session_duration = 3600

  tags = merge(local.tags, { "sluice:resource-class" = each.key })
}

data "aws_iam_policy_document" "worker" {
  for_each = toset(var.resource_classes)

  statement {
    sid    = "ConsumeWorkQueues"
    effect = "Allow"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
    ]
    resources = [for k, q in aws_sqs_queue.work : q.arn if local.queues[k].resource_class == each.key]
  }

  # The worker dead-letters a job itself, with the reason as message attributes.
  statement {
    sid    = "SendToDeadLetterQueues"
    effect = "Allow"
    actions = [
      "sqs:SendMessage",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
    ]
    resources = [for k, q in aws_sqs_queue.dead_letter : q.arn if local.queues[k].resource_class == each.key]
  }

  statement {
    sid       = "ReadSources"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = [local.source_objects]
  }

  statement {
    sid       = "ListSources"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["sources"].arn]
  }

  # GetObject: the presence probe (HEAD) before work and the conditional publish.
  statement {
    sid    = "PublishRenditions"
    effect = "Allow"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = [local.rendition_objects]
  }

  statement {
    sid       = "ListRenditions"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["renditions"].arn]
  }

  dynamic "statement" {
    for_each = local.kms_key_arns
    content {
      sid       = "UseEncryptionKey"
      effect    = "Allow"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "worker" {
  for_each = aws_iam_role.worker

  name   = "sluice-worker"
  role   = each.value.id
  policy = data.aws_iam_policy_document.worker[each.key].json
}

# ---------------------------------------------------------------- enqueuer

data "aws_iam_policy_document" "enqueuer_trust" {
  statement {
    sid     = "IrsaEnqueuerServiceAccount"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${var.enqueuer_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "enqueuer" {
  name                 = "${var.name_prefix}-enqueuer"
  description          = "Sluice enqueuer: read sources to admit jobs, send them to the work queues, keep dedup markers."
  assume_role_policy   = data.aws_iam_policy_document.enqueuer_trust.json
  max_session_duration = 3600

  tags = local.tags
}

data "aws_iam_policy_document" "enqueuer" {
  statement {
    sid    = "SendToWorkQueues"
    effect = "Allow"
    actions = [
      "sqs:SendMessage",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
    ]
    resources = [for q in aws_sqs_queue.work : q.arn]
  }

  # HEAD for size and checksum, GET when it measures the digest itself.
  statement {
    sid       = "ReadSources"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = [local.source_objects]
  }

  statement {
    sid       = "ListSources"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["sources"].arn]
  }

  statement {
    sid       = "KeepDedupMarkers"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [local.dedup_objects]
  }

  statement {
    sid       = "ListDedupMarkers"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this["dedup"].arn]
  }

  dynamic "statement" {
    for_each = local.kms_key_arns
    content {
      sid       = "UseEncryptionKey"
      effect    = "Allow"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "enqueuer" {
  name   = "sluice-enqueuer"
  role   = aws_iam_role.enqueuer.id
  policy = data.aws_iam_policy_document.enqueuer.json
}

# ---------------------------------------------------------------- KEDA scaler (read-only)

# KEDA's operator assumes this role (TriggerAuthentication podIdentity.roleArn) to read the queue
# depth, so it never holds the workers' rights to the media.
data "aws_iam_policy_document" "keda_scaler_trust" {
  count = var.keda_operator_service_account == null ? 0 : 1

  statement {
    sid     = "IrsaKedaOperator"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["system:serviceaccount:${var.keda_operator_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "keda_scaler" {
  count = var.keda_operator_service_account == null ? 0 : 1

  name                 = "${var.name_prefix}-keda-scaler"
  description          = "KEDA: read the depth of the Sluice work queues."
  assume_role_policy   = data.aws_iam_policy_document.keda_scaler_trust[0].json
  max_session_duration = 3600

  tags = local.tags
}

data "aws_iam_policy_document" "keda_scaler" {
  statement {
    sid       = "ReadQueueDepth"
    effect    = "Allow"
    actions   = ["sqs:GetQueueAttributes"]
    resources = [for q in aws_sqs_queue.work : q.arn]
  }

  # Reading an SSE-KMS queue's attributes needs no key access: no KMS statement here.
}

resource "aws_iam_role_policy" "keda_scaler" {
  count = var.keda_operator_service_account == null ? 0 : 1

  name   = "sluice-keda-scaler"
  role   = aws_iam_role.keda_scaler[0].id
  policy = data.aws_iam_policy_document.keda_scaler.json
}
