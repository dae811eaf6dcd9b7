package dev.sluice.queue.adapter.aws;

import dev.sluice.queue.port.QueueRef;
import java.time.Duration;
import java.util.Objects;

/**
 * What the boot check learnt about one work queue, so the wiring can hold the worker's settings
 * against the queue's own (a lease shorter than the queue's visibility timeout, a retry budget
 * below {@code maxReceiveCount}).
 *
 * @param queue the work queue (id = URL, label = queue name)
 * @param arn the queue's ARN
 * @param visibilityTimeout the queue's default visibility timeout
 * @param deadLetterQueue the queue its redrive policy points at
 * @param maxReceiveCount receives after which SQS itself moves a message to the dead-letter queue
 */
public record SqsQueueFacts(QueueRef queue, String arn, Duration visibilityTimeout,
    QueueRef deadLetterQueue, int maxReceiveCount) {
  public SqsQueueFacts {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
    if (maxReceiveCount < 1) {
      throw new IllegalArgumentException("maxReceiveCount must be at least 1, was " + maxReceiveCount);
    }
  }
}
