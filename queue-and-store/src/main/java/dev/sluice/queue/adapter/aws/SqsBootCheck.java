package dev.sluice.queue.adapter.aws;

import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.QueueRef;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The boot check of one work queue: it exists, these credentials may read it, and its redrive
 * policy names a dead-letter queue that exists too. Anything else stops the worker at start with
 * a {@link SqsSetupException} that names the queue and the fix, rather than a worker that polls
 * forever or loses the messages it gives up on.
 */
final class SqsBootCheck {
  private static final Pattern DLQ_ARN = Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern MAX_RECEIVES = Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)");

  private final SqsClient sqs;

  SqsBootCheck(SqsClient sqs) {
    this.sqs = sqs;
  }

  SqsQueueFacts check(String url) {
    if (url.endsWith(".fifo")) {
      throw new SqsSetupException("queue " + url + " is a FIFO queue; Sluice sends without message "
          + "groups and needs standard queues: use a standard queue in SLUICE_QUEUES");
    }
    Map<QueueAttributeName, String> attributes = attributes(url);
    String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY);
    if (redrive == null || redrive.isBlank()) {
      throw new SqsSetupException("queue " + url + " has no redrive policy, so Sluice has no dead-letter "
          + "queue for the jobs it gives up on: create a dead-letter queue and set RedrivePolicy "
          + "{\"deadLetterTargetArn\": \"<its ARN>\", \"maxReceiveCount\": N} on " + url);
    }
    String targetArn = find(DLQ_ARN, redrive, url);
    SqsArn target = SqsArn.parse(targetArn).orElseThrow(() -> new SqsSetupException("queue " + url
        + " has a redrive policy whose deadLetterTargetArn '" + targetArn + "' is not an SQS queue ARN"));
    int maxReceives = Integer.parseInt(find(MAX_RECEIVES, redrive, url));
    String arn = attributes.getOrDefault(QueueAttributeName.QUEUE_ARN, "");
    String timeout = attributes.getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
    QueueRef dlq = new QueueRef(deadLetterUrl(target, url), target.queueName());
    return new SqsQueueFacts(new QueueRef(url, null), arn, Duration.ofSeconds(Long.parseLong(timeout)), dlq,
        maxReceives);
  }

  private Map<QueueAttributeName, String> attributes(String url) {
    try {
      return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN,
          QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT)).attributes();
    } catch (SdkException e) {
      throw failure("GetQueueAttributes", "queue " + url, "fix SLUICE_QUEUES", e);
    }
  }

  private String deadLetterUrl(SqsArn target, String source) {
    try {
      return sqs.getQueueUrl(b -> b.queueName(target.queueName()).queueOwnerAWSAccountId(target.account()))
          .queueUrl();
    } catch (SdkException e) {
      throw failure("GetQueueUrl", "dead-letter queue " + target + " (the redrive target of " + source + ")",
          "fix the redrive policy of " + source, e);
    }
  }

  private static String find(Pattern field, String redrive, String url) {
    Matcher m = field.matcher(redrive);
    if (!m.find()) {
      throw new SqsSetupException("queue " + url + " has a redrive policy Sluice cannot read (expected "
          + "deadLetterTargetArn and maxReceiveCount): " + redrive);
    }
    return m.group(1);
  }

  private SqsSetupException failure(String operation, String what, String fix, SdkException e) {
    Fault fault = AwsFaults.classify(operation, e);
    String message = switch (fault.kind()) {
      case NOT_FOUND -> what + " does not exist (" + code(e) + " in region " + region() + "); create it or " + fix;
      case UNREACHABLE, TIMEOUT -> "cannot reach SQS at " + endpoint() + " while checking " + what + ": "
          + rootMessage(e) + "; check the endpoint (AWS_ENDPOINT_URL_SQS), network and proxy";
      case UNAUTHORIZED -> "credentials rejected by SQS while checking " + what + ": " + fault.detail()
          + "; check the worker's AWS credentials or IAM role (it needs sqs:GetQueueAttributes, "
          + "sqs:GetQueueUrl, sqs:ReceiveMessage, sqs:DeleteMessage, sqs:ChangeMessageVisibility, "
          + "sqs:SendMessage)";
      default -> "SQS refused the check of " + what + " (" + fault.kind() + "): " + fault.detail();
    };
    return new SqsSetupException(message, e);
  }

  private static String code(SdkException e) {
    return e instanceof AwsServiceException s && s.awsErrorDetails() != null
        ? s.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private String endpoint() {
    return sqs.serviceClientConfiguration().endpointOverride().map(Object::toString)
        .orElse("the SQS endpoint of region " + region());
  }

  private String region() {
    return String.valueOf(sqs.serviceClientConfiguration().region());
  }
}
