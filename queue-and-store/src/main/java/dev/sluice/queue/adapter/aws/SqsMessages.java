package dev.sluice.queue.adapter.aws;

import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Translates between SQS messages and the port's values. Only string-valued attributes cross
 * (trace context, dead-letter reasons); SQS forbids empty values, so empty ones are not sent.
 */
final class SqsMessages {
  /** SQS accepts at most this many message attributes on one message. */
  static final int MAX_ATTRIBUTES = 10;
  /** The longest visibility timeout SQS accepts, in seconds (12 hours). */
  static final long MAX_VISIBILITY_SECONDS = 43_200;
  /** The longest long-poll wait SQS accepts, in seconds. */
  static final long MAX_WAIT_SECONDS = 20;

  private SqsMessages() {}

  /** The attributes to send: String-typed, with null or empty names and values left out. */
  static Map<String, MessageAttributeValue> outgoing(Map<String, String> attributes) {
    Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
    attributes.forEach((name, value) -> {
      if (name != null && !name.isEmpty() && value != null && !value.isEmpty()) {
        out.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
      }
    });
    return out;
  }

  static ReceivedMessage incoming(QueueRef queue, Message m, Instant receivedAt) {
    Map<String, String> attributes = new LinkedHashMap<>();
    m.messageAttributes().forEach((name, value) -> {
      String type = String.valueOf(value.dataType());
      if ((type.startsWith("String") || type.startsWith("Number")) && value.stringValue() != null) {
        attributes.put(name, value.stringValue());
      }
    });
    return new ReceivedMessage(queue, m.messageId(), new ReceiptHandle(m.receiptHandle()), m.body(),
        receiveCount(m), attributes, receivedAt);
  }

  private static int receiveCount(Message m) {
    String count = m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    try {
      return count == null ? 1 : Integer.parseInt(count.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** Whole seconds of visibility, rounded up (a lease never shorter than asked), within SQS's range. */
  static int visibilitySeconds(Duration visibility) {
    long seconds = visibility.isNegative() ? 0 : visibility.plusNanos(999_999_999).toSeconds();
    return (int) Math.min(seconds, MAX_VISIBILITY_SECONDS);
  }

  /** Whole seconds of long-poll wait, rounded down (never wait longer than asked), within 0..20. */
  static int waitSeconds(Duration wait) {
    return (int) Math.max(0, Math.min(wait.toSeconds(), MAX_WAIT_SECONDS));
  }
}
