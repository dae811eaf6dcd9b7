package dev.sluice.enqueuer.wiring;

import dev.sluice.queue.adapter.aws.AwsClients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The two SDK clients an enqueuer uses. Production builds both from the SDK's standard chain; a
 * local stack has one endpoint per service, so embedding code (tests, the demo) passes its own.
 */
public record SdkClients(SqsClient sqs, S3Client s3) implements AutoCloseable {

  /** Both from the standard chain (region, endpoints, credentials from the environment). */
  public static SdkClients standard(EnqueuerConfig config) {
    AwsClients aws = AwsClients.standard(config.s3PathStyle());
    return new SdkClients(aws.sqs(), aws.s3());
  }

  /** SQS from {@code sqs}, S3 from {@code s3}: e.g. ElasticMQ and S3Mock. */
  public static SdkClients of(AwsClients sqs, AwsClients s3) {
    return new SdkClients(sqs.sqs(), s3.s3());
  }

  @Override
  public void close() {
    sqs.close();
    s3.close();
  }
}
