package dev.sluice.enqueuer.adapter.aws;

import dev.sluice.enqueuer.port.Reachability;
import dev.sluice.queue.adapter.aws.AwsFaults;
import dev.sluice.queue.port.QueueRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The readiness check against AWS: one GetQueueAttributes per queue and one HeadBucket per bucket
 * (the source buckets the policy allows, and the dedup bucket), each bounded to a few seconds so a
 * probe never hangs. The bucket set is asked for on every check because the rules are hot-reloaded.
 */
public final class AwsReachability implements Reachability {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  private final SqsClient sqs;
  private final S3Client s3;
  private final Collection<QueueRef> queues;
  private final Supplier<Set<String>> buckets;

  public AwsReachability(SqsClient sqs, S3Client s3, Collection<QueueRef> queues,
      Supplier<Set<String>> buckets) {
    this.sqs = sqs;
    this.s3 = s3;
    this.queues = List.copyOf(queues);
    this.buckets = buckets;
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (QueueRef queue : queues) {
      try {
        sqs.getQueueAttributes(b -> b.queueUrl(queue.id()).attributeNames(QueueAttributeName.QUEUE_ARN)
            .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT)));
      } catch (SdkException e) {
        problems.add("queue " + queue + ": " + AwsFaults.classify("GetQueueAttributes", e));
      }
    }
    for (String bucket : buckets.get()) {
      try {
        s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT)));
      } catch (SdkException e) {
        problems.add("bucket " + bucket + ": " + AwsFaults.classify("HeadBucket", e));
      }
    }
    return problems;
  }
}
