package dev.sluice.worker.adapter.otel;

import dev.sluice.queue.port.ReceivedMessage;
import io.opentelemetry.context.propagation.TextMapGetter;

/** Reads W3C trace context from a message's attributes (traceparent, tracestate). */
final class MessageAttributesGetter implements TextMapGetter<ReceivedMessage> {
  static final MessageAttributesGetter INSTANCE = new MessageAttributesGetter();

  @Override
  public Iterable<String> keys(ReceivedMessage message) {
    return message.attributes().keySet();
  }

  @Override
  public String get(ReceivedMessage message, String key) {
    return message == null ? null : message.attributes().get(key);
  }
}
