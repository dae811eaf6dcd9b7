package dev.sluice.enqueuer.port;

import java.util.Map;
import java.util.Optional;

/** The span of sending one job; its context travels with the message to the worker. */
public interface PublishTrace {

  /** The message attributes that carry this span's context: {@code traceparent}, {@code tracestate}. */
  Map<String, String> messageAttributes();

  /** Ends the span: sent, or failed for {@code failure}. */
  void end(Optional<String> failure);
}
