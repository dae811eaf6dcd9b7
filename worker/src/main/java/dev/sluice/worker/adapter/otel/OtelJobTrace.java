package dev.sluice.worker.adapter.otel;

import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.JobTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.MDC;

/** The trace of one delivery: its process span, stage spans, progress events and job metrics. */
final class OtelJobTrace implements JobTelemetry.JobTrace {
  static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sluice.job.id");
  static final AttributeKey<String> VARIANT = AttributeKey.stringKey("sluice.job.variant");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("sluice.job.outcome");
  static final AttributeKey<String> CAUSE = AttributeKey.stringKey("sluice.job.cause");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sluice.job.attempt");
  static final AttributeKey<String> REVISION = AttributeKey.stringKey("sluice.policy.revision");
  static final AttributeKey<String> PRODUCER_TRACE = AttributeKey.stringKey("sluice.producer.trace_id");

  private final Tracer tracer;
  private final Span span;
  private final WorkerMetrics metrics;
  private final AssetRedaction redaction;
  private final long startNanos = System.nanoTime();
  private String assetId;
  private int lastDecile = -1;

  OtelJobTrace(Tracer tracer, Span span, WorkerMetrics metrics, AssetRedaction redaction, String producerTraceId) {
    this.tracer = tracer;
    this.span = span;
    this.metrics = metrics;
    this.redaction = redaction;
    if (producerTraceId != null) {
      span.setAttribute(PRODUCER_TRACE, producerTraceId);
    }
    MDC.put("trace_id", span.getSpanContext().getTraceId());
    MDC.put("span_id", span.getSpanContext().getSpanId());
  }

  @Override
  public Optional<String> traceId() {
    return span.getSpanContext().isValid() ? Optional.of(span.getSpanContext().getTraceId()) : Optional.empty();
  }

  @Override
  public void describe(String jobId, String variant, int attempt) {
    span.setAttribute(JOB_ID, jobId);
    span.setAttribute(VARIANT, variant);
    MDC.put("job_id", jobId);
  }

  @Override
  public void describe(String jobId, String assetId, String variant, int attempt, Instant enqueuedAt) {
    describe(jobId, variant, attempt);
    this.assetId = assetId;
    if (attempt == 1) {
      metrics.lag.record(Math.max(0, Duration.between(enqueuedAt, Instant.now()).toMillis()) / 1000.0);
    }
  }

  @Override
  public JobTelemetry.Stage stage(String name) {
    Span stage = tracer.spanBuilder(name).setParent(Context.root().with(span)).startSpan();
    Scope scope = stage.makeCurrent();
    long started = System.nanoTime();
    return () -> {
      scope.close();
      stage.end();
      metrics.stageDuration.record((System.nanoTime() - started) / 1e9, Attributes.of(WorkerMetrics.STAGE, name));
    };
  }

  @Override
  public void progress(int percent) {
    int decile = Math.min(10, percent / 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      span.addEvent("progress", Attributes.of(AttributeKey.longKey("sluice.progress.percent"), decile * 10L));
    }
  }

  @Override
  public void bytes(JobTelemetry.Direction direction, long count) {
    (direction == JobTelemetry.Direction.FETCHED ? metrics.sourceBytes : metrics.outputBytes).add(count);
  }

  @Override
  public void transcoded(Duration media, Duration wall) {
    if (!wall.isZero()) {
      metrics.transcodeSpeed.record(media.toNanos() / (double) wall.toNanos());
    }
  }

  @Override
  public void end(JobOutcome outcome, Optional<String> policyRevision) {
    String kind = switch (outcome) {
      case JobOutcome.Succeeded s -> "succeeded";
      case JobOutcome.Dropped d -> "dropped";
      case JobOutcome.Retried r -> "retried";
    };
    String cause = outcome.causeIfAny().map(Enum::name).orElse(outcome instanceof JobOutcome.Succeeded s
        ? s.how().name() : "NONE");
    span.setAttribute(OUTCOME, kind);
    span.setAttribute(CAUSE, cause);
    policyRevision.ifPresent(r -> span.setAttribute(REVISION, r));
    switch (outcome) {
      case JobOutcome.Dropped d -> span.setStatus(StatusCode.ERROR, redaction.apply(d.reason(), assetId));
      case JobOutcome.Retried r -> span.setStatus(StatusCode.ERROR, redaction.apply(r.reason(), assetId));
      case JobOutcome.Succeeded s -> span.setStatus(StatusCode.OK);
    }
    span.end();
    metrics.jobs.add(1, WorkerMetrics.outcome(kind, cause.toLowerCase(Locale.ROOT)));
    metrics.jobDuration.record((System.nanoTime() - startNanos) / 1e9,
        Attributes.of(WorkerMetrics.OUTCOME, kind));
    metrics.inFlight.add(-1);
  }
}
