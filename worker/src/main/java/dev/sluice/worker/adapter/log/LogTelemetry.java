package dev.sluice.worker.adapter.log;

import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.JobTelemetry;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Telemetry without a tracing backend: each job gets a W3C-shaped trace id (so DLQ records and
 * output metadata can still be correlated with logs), stages and progress go to the DEBUG log, and
 * a listener may watch events (the demo prints live progress from it). Nothing is retained.
 */
public final class LogTelemetry implements JobTelemetry {
  private static final Logger log = LoggerFactory.getLogger(LogTelemetry.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a listener is told. */
  public record Event(String traceId, String jobId, String what, int percent, JobOutcome outcome) {}

  private final Consumer<Event> listener;

  public LogTelemetry(Consumer<Event> listener) {
    this.listener = listener;
  }

  public LogTelemetry() {
    this(e -> { });
  }

  @Override
  public JobTrace startJob(ReceivedMessage message) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String traceId = HexFormat.of().formatHex(id);
    MDC.put("trace_id", traceId);
    return new Trace(traceId);
  }

  @Override
  public void alarm(JobOutcome.Cause cause, String reason) {
    log.error("ALARM {}: {}", cause, reason);
  }

  @Override
  public void leaseExtended(int count) {
    log.debug("Extended {} lease(s)", count);
  }

  @Override
  public void leaseLost(int count) {
    log.warn("Lost {} lease(s)", count);
  }

  private final class Trace implements JobTrace {
    private final String traceId;
    private volatile String jobId = "-";

    Trace(String traceId) {
      this.traceId = traceId;
    }

    @Override
    public Optional<String> traceId() {
      return Optional.of(traceId);
    }

    @Override
    public void describe(String jobId, String variant, int attempt) {
      this.jobId = jobId;
      MDC.put("job_id", jobId);
      listener.accept(new Event(traceId, jobId, "start " + variant + " attempt " + attempt, -1, null));
    }

    @Override
    public Stage stage(String name) {
      log.debug("Stage {} started", name);
      listener.accept(new Event(traceId, jobId, name, -1, null));
      return () -> log.debug("Stage {} ended", name);
    }

    @Override
    public void progress(int percent) {
      listener.accept(new Event(traceId, jobId, "progress", percent, null));
    }

    @Override
    public void end(JobOutcome outcome, Optional<String> policyRevision) {
      listener.accept(new Event(traceId, jobId, "end", 100, outcome));
      MDC.remove("trace_id");
    }
  }
}
