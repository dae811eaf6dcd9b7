package dev.sluice.enqueuer.adapter.otel;

import dev.sluice.enqueuer.port.PublishTrace;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.queue.port.QueueRef;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.UUID;

/**
 * The span of one request and the parent of its publish spans. Publish spans are children of the
 * request span explicitly (not of whatever context is current), because a batch's sends may run on
 * another thread than the one that started the request.
 */
final class OtelRequestTrace implements RequestTrace {
  private final Tracer tracer;
  private final Span span;
  private final boolean http;

  OtelRequestTrace(Tracer tracer, Span span, boolean http) {
    this.tracer = tracer;
    this.span = span;
    this.http = http;
  }

  @Override
  public String traceId() {
    return span.getSpanContext().getTraceId();
  }

  @Override
  public PublishTrace beginPublish(QueueRef queue, UUID jobId) {
    Span publish = tracer.spanBuilder("publish " + queue.label())
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(Context.root().with(span))
        .setAttribute("messaging.system", "aws_sqs")
        .setAttribute("messaging.destination.name", queue.label())
        .setAttribute("messaging.operation.type", "publish")
        .setAttribute("sluice.job.id", jobId.toString())
        .startSpan();
    return new OtelPublishTrace(publish);
  }

  @Override
  public void end(int status) {
    if (http) {
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
    }
    span.end();
  }
}
