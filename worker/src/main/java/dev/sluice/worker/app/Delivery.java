package dev.sluice.worker.app;

import dev.sluice.worker.port.JobTelemetry.JobTrace;
import dev.sluice.queue.port.ReceivedMessage;
import java.util.Optional;

/**
 * One received message as the worker carries it through a job: the message, this worker's lease
 * on it, its trace, and what the job learned that the outcome record needs (job id, policy revision).
 */
public final class Delivery {
  private final ReceivedMessage message;
  private final Lease lease;
  private final JobTrace trace;
  private volatile Optional<String> jobId = Optional.empty();
  private volatile Optional<String> policyRevision = Optional.empty();
  private volatile String assetId;

  public Delivery(ReceivedMessage message, Lease lease, JobTrace trace) {
    this.message = message;
    this.lease = lease;
    this.trace = trace;
  }

  public ReceivedMessage message() {
    return message;
  }

  public Lease lease() {
    return lease;
  }

  public JobTrace trace() {
    return trace;
  }

  public Optional<String> jobId() {
    return jobId;
  }

  public Optional<String> policyRevision() {
    return policyRevision;
  }

  void jobId(String id) {
    this.jobId = Optional.of(id);
  }

  /** The asset id once decoded (for redaction), or null. */
  public String assetId() {
    return assetId;
  }

  void assetId(String id) {
    this.assetId = id;
  }

  void policyRevision(String revision) {
    this.policyRevision = Optional.of(revision);
  }
}
