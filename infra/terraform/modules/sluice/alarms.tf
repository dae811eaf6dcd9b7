# SQS publishes these metrics every 5 minutes. A queue with no activity for 6 hours may stop
# reporting; missing data is therefore "not breaching", and the DLQ alarm looks at the maximum.

resource "aws_cloudwatch_metric_alarm" "dead_letter_not_empty" {
  for_each = aws_sqs_queue.dead_letter

  alarm_name          = "${each.value.name}-not-empty"
  alarm_description   = "Jobs were dead-lettered from ${aws_sqs_queue.work[each.key].name}: read their reason attributes, fix the cause, then redrive."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.ok_actions

  tags = local.tags
}

# A dead letter that nobody looks at expires with its first enqueue time; warn two days before.
resource "aws_cloudwatch_metric_alarm" "dead_letter_expiring" {
  for_each = aws_sqs_queue.dead_letter

  alarm_name          = "${each.value.name}-expiring"
  alarm_description   = "The oldest dead letter in ${each.value.name} is deleted by SQS within two days."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = each.value.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = max(var.dlq_message_retention_seconds - 172800, 3600)
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.ok_actions

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "oldest_message_age" {
  for_each = aws_sqs_queue.work

  alarm_name          = "${each.value.name}-oldest-message-age"
  alarm_description   = "Jobs wait too long in ${each.value.name}: the ${local.queues[each.key].resource_class} pool is at maxReplicaCount, not scaling, or failing."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = each.value.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.oldest_message_age_alarm_seconds[local.queues[each.key].priority]
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.ok_actions

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "backlog" {
  for_each = aws_sqs_queue.work

  alarm_name          = "${each.value.name}-backlog"
  alarm_description   = "More than ${var.backlog_alarm_threshold} jobs wait in ${each.value.name} for 15 minutes."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value.name }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.backlog_alarm_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.ok_actions

  tags = local.tags
}
