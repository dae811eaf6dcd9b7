package dev.sluice.localstack.demo;

import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.JobTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends every report to two telemetries: the demo prints live progress from one and keeps real
 * OpenTelemetry spans from the other. Trace ids come from the first (the OTel one).
 */
final class TeeTelemetry implements JobTelemetry {
  private final JobTelemetry first;
  private final JobTelemetry second;

  TeeTelemetry(JobTelemetry first, JobTelemetry second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public void received(QueueRef queue, int count, Instant started) {
    first.received(queue, count, started);
    second.received(queue, count, started);
  }

  @Override
  public JobTrace startJob(ReceivedMessage message) {
    JobTrace a = first.startJob(message);
    JobTrace b = second.startJob(message);
    return new JobTrace() {
      @Override
      public Optional<String> traceId() {
        return a.traceId();
      }

      @Override
      public void describe(String jobId, String variant, int attempt) {
        a.describe(jobId, variant, attempt);
        b.describe(jobId, variant, attempt);
      }

      @Override
      public void describe(String jobId, String assetId, String variant, int attempt, Instant enqueuedAt) {
        a.describe(jobId, assetId, variant, attempt, enqueuedAt);
        b.describe(jobId, assetId, variant, attempt, enqueuedAt);
      }

      @Override
      public Stage stage(String name) {
        Stage sa = a.stage(name);
        Stage sb = b.stage(name);
        return () -> {
          sb.close();
          sa.close();
        };
      }

      @Override
      public void progress(int percent) {
        a.progress(percent);
        b.progress(percent);
      }

      @Override
      public void bytes(Direction direction, long count) {
        a.bytes(direction, count);
        b.bytes(direction, count);
      }

      @Override
      public void transcoded(Duration media, Duration wall) {
        a.transcoded(media, wall);
        b.transcoded(media, wall);
      }

      @Override
      public void end(JobOutcome outcome, Optional<String> policyRevision) {
        a.end(outcome, policyRevision);
        b.end(outcome, policyRevision);
      }
    };
  }

  @Override
  public void alarm(JobOutcome.Cause cause, String reason) {
    first.alarm(cause, reason);
    second.alarm(cause, reason);
  }

  @Override
  public void leaseExtended(int count) {
    first.leaseExtended(count);
    second.leaseExtended(count);
  }

  @Override
  public void leaseLost(int count) {
    first.leaseLost(count);
    second.leaseLost(count);
  }
}
