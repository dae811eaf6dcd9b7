package dev.sluice.queue.adapter.aws;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue's approximate backlog as SQS reports it, for the depth metrics.
 *
 * @param visible messages waiting to be received ({@code ApproximateNumberOfMessages})
 * @param inFlight messages received and not yet deleted or visible again
 *     ({@code ApproximateNumberOfMessagesNotVisible})
 */
public record SqsQueueDepth(long visible, long inFlight) {

  static SqsQueueDepth of(Map<QueueAttributeName, String> attributes) {
    return new SqsQueueDepth(count(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
        count(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
  }

  private static long count(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0; // approximate by definition: an unreadable count reads as none
    }
  }
}
