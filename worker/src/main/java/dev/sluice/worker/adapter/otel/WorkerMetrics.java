package dev.sluice.worker.adapter.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * The worker's instruments, all with bounded label sets (enum values only, never ids), so the
 * series count stays fixed however many jobs run. The names are a locked contract: see
 * docs/telemetry.md and the telemetry contract test.
 */
public final class WorkerMetrics {
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  static final AttributeKey<String> CAUSE = AttributeKey.stringKey("cause");
  static final AttributeKey<String> STAGE = AttributeKey.stringKey("stage");
  static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");

  /** Every metric name this class creates, as the OTel SDK names them. */
  public static final List<String> NAMES = List.of("sluice.jobs", "sluice.job.duration", "sluice.job.lag",
      "sluice.stage.duration", "sluice.jobs.in_flight", "sluice.lease.extensions", "sluice.lease.losses",
      "sluice.alarms", "sluice.source.bytes", "sluice.output.bytes", "sluice.transcode.speed",
      "sluice.aws.requests");

  final LongCounter jobs;
  final DoubleHistogram jobDuration;
  final DoubleHistogram lag;
  final DoubleHistogram stageDuration;
  final LongUpDownCounter inFlight;
  final LongCounter leaseExtensions;
  final LongCounter leaseLosses;
  final LongCounter alarms;
  final LongCounter sourceBytes;
  final LongCounter outputBytes;
  final DoubleHistogram transcodeSpeed;
  final LongCounter awsRequests;

  public WorkerMetrics(Meter meter) {
    jobs = meter.counterBuilder("sluice.jobs").setDescription("Jobs ended, by outcome and cause").build();
    jobDuration = meter.histogramBuilder("sluice.job.duration").setUnit("s")
        .setDescription("Wall time of one delivery, receive to settle").build();
    lag = meter.histogramBuilder("sluice.job.lag").setUnit("s")
        .setDescription("Time from enqueuedAt to the start of the first delivery").build();
    stageDuration = meter.histogramBuilder("sluice.stage.duration").setUnit("s")
        .setDescription("Wall time per pipeline stage").build();
    inFlight = meter.upDownCounterBuilder("sluice.jobs.in_flight").setDescription("Jobs being processed").build();
    leaseExtensions = meter.counterBuilder("sluice.lease.extensions")
        .setDescription("Message visibility extensions made by the lease keeper").build();
    leaseLosses = meter.counterBuilder("sluice.lease.losses")
        .setDescription("Leases lost: another receiver may own the message").build();
    alarms = meter.counterBuilder("sluice.alarms").setDescription("Alarms raised (e.g. tampered sources)").build();
    sourceBytes = meter.counterBuilder("sluice.source.bytes").setUnit("By").setDescription("Source bytes fetched").build();
    outputBytes = meter.counterBuilder("sluice.output.bytes").setUnit("By").setDescription("Output bytes published").build();
    transcodeSpeed = meter.histogramBuilder("sluice.transcode.speed").setUnit("1")
        .setDescription("Media seconds transcoded per wall second").build();
    awsRequests = meter.counterBuilder("sluice.aws.requests")
        .setDescription("AWS requests sent, by service and operation (the cost model)").build();
  }

  static Attributes outcome(String outcome, String cause) {
    return Attributes.of(OUTCOME, outcome, CAUSE, cause);
  }

  public void awsRequest(String service, String operation) {
    awsRequests.add(1, Attributes.of(SERVICE, service, OPERATION, operation));
  }
}
