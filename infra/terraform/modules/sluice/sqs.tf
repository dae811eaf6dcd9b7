# Dead-letter queues first: each work queue's redrive policy names its DLQ.
resource "aws_sqs_queue" "dead_letter" {
  for_each = local.queues

  name                      = "${var.name_prefix}-${each.key}-dlq${local.fifo_suffix}"
  fifo_queue                = var.fifo_queues ? true : null
  message_retention_seconds = var.dlq_message_retention_seconds

  # SSE: SQS-managed keys unless a customer key is given (the two settings exclude each other).
  sqs_managed_sse_enabled           = local.use_kms ? null : true
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = local.use_kms ? 300 : null

  tags = merge(local.tags, {
    "sluice:resource-class" = each.value.resource_class
    "sluice:priority"       = each.value.priority
    "sluice:queue-role"     = "dead-letter"
  })
}

resource "aws_sqs_queue" "work" {
  for_each = local.queues

  name                        = "${var.name_prefix}-${each.key}${local.fifo_suffix}"
  fifo_queue                  = var.fifo_queues ? true : null
  content_based_deduplication = var.fifo_queues ? true : null
  visibility_timeout_seconds  = var.visibility_timeout_seconds
  receive_wait_time_seconds   = var.receive_wait_time_seconds
  message_retention_seconds   = var.message_retention_seconds
  max_message_size            = 262144 # the job contract's own limit (256 KiB)

  sqs_managed_sse_enabled           = local.use_kms ? null : true
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = local.use_kms ? 300 : null

  # The backstop: a message received max_receive_count times (a worker that kept dying mid-job)
  # moves to the DLQ. A worker dead-letters a failing job itself after worker_max_attempts.
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter[each.key].arn
    maxReceiveCount     = var.max_receive_count
  })

  tags = merge(local.tags, {
    "sluice:resource-class" = each.value.resource_class
    "sluice:priority"       = each.value.priority
    "sluice:queue-role"     = "work"
  })
}

# Only its own work queue may redrive into a DLQ.
resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  for_each = local.queues

  queue_url = aws_sqs_queue.dead_letter[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.work[each.key].arn]
  })
}

# Every queue refuses requests that do not come over TLS.
data "aws_iam_policy_document" "queue_tls_only" {
  for_each = merge(
    { for k, q in aws_sqs_queue.work : "work/${k}" => q.arn },
    { for k, q in aws_sqs_queue.dead_letter : "dead-letter/${k}" => q.arn },
  )

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [each.value]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "work" {
  for_each = aws_sqs_queue.work

  queue_url = each.value.id
  policy    = data.aws_iam_policy_document.queue_tls_only["work/${each.key}"].json
}

resource "aws_sqs_queue_policy" "dead_letter" {
  for_each = aws_sqs_queue.dead_letter

  queue_url = each.value.id
  policy    = data.aws_iam_policy_document.queue_tls_only["dead-letter/${each.key}"].json
}
