package dev.sluice.worker.adapter.memory;

import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.queue.port.ReceivedMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Telemetry that keeps what it is told in lists: the stages each job ran, progress, outcomes,
 * alarms and lease events. Tests assert on it; the demo uses it when no tracing is configured.
 */
public final class RecordingTelemetry implements JobTelemetry {

  /** What one job reported. */
  public record JobRecord(String traceId, List<String> stages, List<Integer> progress,
      List<JobOutcome> outcomes) {}

  private final List<JobRecord> jobs = Collections.synchronizedList(new ArrayList<>());
  private final List<String> alarms = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger leaseExtensions = new AtomicInteger();
  private final AtomicInteger leaseLosses = new AtomicInteger();

  @Override
  public JobTrace startJob(ReceivedMessage message) {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    JobRecord rec = new JobRecord(HexFormat.of().formatHex(id),
        Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()),
        Collections.synchronizedList(new ArrayList<>()));
    jobs.add(rec);
    return new JobTrace() {
      @Override
      public Optional<String> traceId() {
        return Optional.of(rec.traceId());
      }

      @Override
      public void describe(String jobId, String variant, int attempt) { }

      @Override
      public Stage stage(String name) {
        rec.stages().add(name);
        return () -> { };
      }

      @Override
      public void progress(int percent) {
        rec.progress().add(percent);
      }

      @Override
      public void end(JobOutcome outcome, Optional<String> policyRevision) {
        rec.outcomes().add(outcome);
      }
    };
  }

  @Override
  public void alarm(JobOutcome.Cause cause, String reason) {
    alarms.add(cause + ": " + reason);
  }

  @Override
  public void leaseExtended(int count) {
    leaseExtensions.addAndGet(count);
  }

  @Override
  public void leaseLost(int count) {
    leaseLosses.addAndGet(count);
  }

  public List<JobRecord> jobs() {
    return List.copyOf(jobs);
  }

  public List<String> alarms() {
    return List.copyOf(alarms);
  }

  public int leaseExtensions() {
    return leaseExtensions.get();
  }

  public int leaseLosses() {
    return leaseLosses.get();
  }
}
