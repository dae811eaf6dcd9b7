package dev.sluice.queue.adapter.aws;

import java.util.Optional;

/**
 * An SQS queue ARN ({@code arn:PARTITION:sqs:REGION:ACCOUNT:NAME}) taken apart: a redrive policy
 * names its dead-letter queue only by ARN, while every queue call needs a URL, which GetQueueUrl
 * gives for a name and an owner account.
 */
record SqsArn(String partition, String region, String account, String queueName) {

  /** The parts of {@code arn}, or empty when it is not an SQS queue ARN. */
  static Optional<SqsArn> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    String[] parts = arn.split(":", -1);
    boolean shaped = parts.length == 6 && parts[0].equals("arn") && parts[2].equals("sqs");
    if (!shaped || parts[1].isEmpty() || parts[4].isEmpty() || parts[5].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SqsArn(parts[1], parts[3], parts[4], parts[5]));
  }

  @Override
  public String toString() {
    return "arn:" + partition + ":sqs:" + region + ":" + account + ":" + queueName;
  }
}
