package dev.sluice.queue.port;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery of a message: its raw body (kept verbatim so a poison message can be dead-lettered
 * as it came), the queue's receive count, and the string message attributes such as
 * {@code traceparent}.
 */
public record ReceivedMessage(
    QueueRef queue,
    String messageId,
    ReceiptHandle receiptHandle,
    String body,
    int receiveCount,
    Map<String, String> attributes,
    Instant receivedAt) {

  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  public ReceivedMessage {
    attributes = Map.copyOf(attributes);
    if (receiveCount < 1) {
      receiveCount = 1;
    }
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
