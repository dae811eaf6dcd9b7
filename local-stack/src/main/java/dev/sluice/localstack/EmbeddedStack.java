package dev.sluice.localstack;

import dev.sluice.queue.adapter.aws.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS (ElasticMQ) and S3 (S3Mock) on 127.0.0.1, started together, with the SDK clients pointed at
 * them: what `sluice demo` and the real-server tests run on, with no Docker and no AWS account.
 */
public final class EmbeddedStack implements AutoCloseable {

  /** A work queue and the dead-letter queue its redrive policy points at. */
  public record QueuePair(String url, String deadLetterUrl) {}

  private final ElasticMqServer sqsServer;
  private final S3MockServer s3Server;
  private final SqsClient sqs;
  private final S3Client s3;

  private EmbeddedStack(ElasticMqServer sqsServer, S3MockServer s3Server) {
    this.sqsServer = sqsServer;
    this.s3Server = s3Server;
    this.sqs = AwsClients.local(sqsServer.endpoint()).sqs();
    this.s3 = AwsClients.local(s3Server.endpoint()).s3();
  }

  public static EmbeddedStack start(Path dataDir) throws IOException, InterruptedException {
    ElasticMqServer sqsServer = ElasticMqServer.start();
    try {
      return new EmbeddedStack(sqsServer, S3MockServer.start(dataDir));
    } catch (IOException | InterruptedException | RuntimeException e) {
      sqsServer.close();
      throw e;
    }
  }

  public URI sqsEndpoint() {
    return sqsServer.endpoint();
  }

  public URI s3Endpoint() {
    return s3Server.endpoint();
  }

  public SqsClient sqs() {
    return sqs;
  }

  public S3Client s3() {
    return s3;
  }

  /** Creates {@code name} and {@code name-dlq}, redriving after {@code maxReceiveCount} receives. */
  public QueuePair createQueueWithDlq(String name, int maxReceiveCount, Duration visibility) {
    String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
        QueueAttributeName.REDRIVE_POLICY, redrive,
        QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibility.toSeconds())))).queueUrl();
    return new QueuePair(url, dlqUrl);
  }

  public void createBucket(String name) {
    s3.createBucket(b -> b.bucket(name));
  }

  @Override
  public void close() {
    sqs.close();
    s3.close();
    s3Server.close();
    sqsServer.close();
  }
}
