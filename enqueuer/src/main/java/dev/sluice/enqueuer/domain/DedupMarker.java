package dev.sluice.enqueuer.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The record that a job for a {@link DedupKey} was enqueued: which job, where its output will be,
 * and when. Within the dedup window a request with the same key is answered with this job instead
 * of enqueuing another; after it the marker is stale and is replaced by the next job's.
 */
public record DedupMarker(UUID jobId, ObjectRef output, Instant createdAt) {

  public DedupMarker {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Whether the marker still stands at {@code now}. A marker from the future (a clock stepped
   * back, or a skewed host) counts as fresh: answering with an existing job is the safe side.
   */
  public boolean isFresh(Instant now, Duration window) {
    return now.isBefore(createdAt.plus(window));
  }
}
