package dev.sluice.worker.port;

import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.worker.domain.JobOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's view of tracing and metrics. The domain reports what happened; the adapter (OTel
 * in production) decides how it is recorded. Keeping it a port keeps the SDK out of the pipeline.
 */
public interface JobTelemetry {

  /** A receive call returned {@code count} messages (the batch span and receive metrics). */
  default void received(QueueRef queue, int count, Instant started) { }

  /** Starts the trace of one delivery. The producer's context comes from the message attributes. */
  JobTrace startJob(ReceivedMessage message);

  /** A tamper or other condition a person must look at. */
  void alarm(JobOutcome.Cause cause, String reason);

  void leaseExtended(int count);

  void leaseLost(int count);

  /** The trace of one job. Not thread-safe beyond progress reports. */
  interface JobTrace {

    /** The trace id of the job's own span, if tracing is on. */
    Optional<String> traceId();

    /** Sets job attributes once the body has been decoded. */
    default void describe(String jobId, String assetId, String variant, int attempt, Instant enqueuedAt) {
      describe(jobId, variant, attempt);
    }

    /** The short form, for telemetry that keeps no more. */
    void describe(String jobId, String variant, int attempt);

    /** Opens a child span for a stage; closing it ends the stage. */
    Stage stage(String name);

    void progress(int percent);

    /** Source bytes read, or output bytes written. */
    default void bytes(Direction direction, long count) { }

    /** A transcode of {@code media} of content took {@code wall}. */
    default void transcoded(Duration media, Duration wall) { }

    void end(JobOutcome outcome, Optional<String> policyRevision);
  }

  /** Which way bytes moved. */
  enum Direction { FETCHED, PUBLISHED }

  interface Stage extends AutoCloseable {
    @Override
    void close();
  }
}
