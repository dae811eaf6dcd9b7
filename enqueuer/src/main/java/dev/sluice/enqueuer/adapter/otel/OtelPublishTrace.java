package dev.sluice.enqueuer.adapter.otel;

import dev.sluice.enqueuer.port.PublishTrace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PRODUCER span of one sent job. Its own context, not the request's, is what travels on the
 * message, so the worker's span link points at the exact send, and the trace shows which queue
 * the job went to.
 */
final class OtelPublishTrace implements PublishTrace {
  private static final TextMapSetter<Map<String, String>> INTO_MAP = (carrier, key, value) -> {
    if (carrier != null) {
      carrier.put(key, value);
    }
  };

  private final Span span;

  OtelPublishTrace(Span span) {
    this.span = span;
  }

  @Override
  public Map<String, String> messageAttributes() {
    Map<String, String> carrier = new LinkedHashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, INTO_MAP);
    return carrier;
  }

  @Override
  public void end(Optional<String> failure) {
    failure.ifPresent(reason -> span.setStatus(StatusCode.ERROR, reason));
    span.end();
  }
}
