package dev.sluice.worker.adapter.otel;

import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.JobTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Instant;

/**
 * Job telemetry on OpenTelemetry. Each delivery gets its own trace: a CONSUMER span
 * {@code process <queue>} that links (not parents) to the producer's span from the message's
 * {@code traceparent}, with one child span per stage made current so AWS SDK client spans nest
 * under the stage that made them. Metrics use enum labels only.
 */
public final class OtelJobTelemetry implements JobTelemetry {
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final WorkerMetrics metrics;
  private final AssetRedaction redaction;

  public OtelJobTelemetry(OpenTelemetry otel, WorkerMetrics metrics, AssetRedaction redaction) {
    this.tracer = otel.getTracer("dev.sluice.worker");
    // The job contract says W3C trace context, whatever propagators the SDK is configured with.
    this.propagator = W3CTraceContextPropagator.getInstance();
    this.metrics = metrics;
    this.redaction = redaction;
  }

  @Override
  public void received(QueueRef queue, int count, Instant started) {
    tracer.spanBuilder("receive " + queue.label()).setSpanKind(SpanKind.CONSUMER).setNoParent()
        .setStartTimestamp(started)
        .setAllAttributes(Attributes.of(SYSTEM, "aws_sqs", DESTINATION, queue.label(), OPERATION, "receive",
            BATCH_COUNT, (long) count))
        .startSpan().end();
  }

  @Override
  public JobTrace startJob(ReceivedMessage message) {
    Context producer = propagator.extract(Context.root(), message, MessageAttributesGetter.INSTANCE);
    SpanContext link = Span.fromContext(producer).getSpanContext();
    SpanBuilder builder = tracer.spanBuilder("process " + message.queue().label())
        .setSpanKind(SpanKind.CONSUMER).setNoParent()
        .setAllAttributes(Attributes.of(SYSTEM, "aws_sqs", DESTINATION, message.queue().label(),
            MESSAGE_ID, message.messageId(), OPERATION, "process"))
        .setAttribute(OtelJobTrace.ATTEMPT, (long) message.receiveCount());
    if (link.isValid()) {
      builder.addLink(link);
    }
    metrics.inFlight.add(1);
    return new OtelJobTrace(tracer, builder.startSpan(), metrics, redaction,
        link.isValid() ? link.getTraceId() : null);
  }

  @Override
  public void alarm(JobOutcome.Cause cause, String reason) {
    metrics.alarms.add(1, Attributes.of(WorkerMetrics.CAUSE, cause.name()));
  }

  @Override
  public void leaseExtended(int count) {
    metrics.leaseExtensions.add(count);
  }

  @Override
  public void leaseLost(int count) {
    metrics.leaseLosses.add(count);
  }
}
