package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.DedupKey;
import dev.sluice.enqueuer.domain.DedupMarker;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.enqueuer.port.DedupMarkers;
import dev.sluice.enqueuer.port.MarkerWrite;
import dev.sluice.enqueuer.port.StoredMarker;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job-level dedup over the {@link DedupMarkers} port. The marker is read before sending and
 * written after a successful send, never before: if the enqueuer dies or SQS fails in between,
 * the worst case is a second job for the same output, which the worker's presence probe settles
 * with one HEAD; the other order could leave a marker naming a job that was never sent, and every
 * request for that work would be answered with it for the whole window.
 */
final class DedupLedger {
  private static final Logger log = LoggerFactory.getLogger(DedupLedger.class);

  /** What the marker store says about a key. */
  sealed interface Lookup {
    /** No standing marker: send; replace {@code staleVersion} when one expired. */
    record Unclaimed(Optional<String> staleVersion) implements Lookup {}

    /** A fresh marker names the job for this work. */
    record Claimed(DedupMarker marker) implements Lookup {}

    record Failed(Refusal refusal) implements Lookup {}
  }

  private final DedupMarkers markers;
  private final Duration window;
  private final Duration retryAfter;

  DedupLedger(DedupMarkers markers, EnqueueSettings settings) {
    this.markers = markers;
    this.window = settings.dedupWindow();
    this.retryAfter = settings.retryAfter();
  }

  Lookup lookup(DedupKey key, Instant now) {
    return switch (markers.read(key)) {
      case Result.Err<Optional<StoredMarker>> err ->
          new Lookup.Failed(FaultRefusals.of(err.fault(), "read the dedup marker " + key, retryAfter));
      case Result.Ok<Optional<StoredMarker>> ok when ok.value().isEmpty() ->
          new Lookup.Unclaimed(Optional.empty());
      case Result.Ok<Optional<StoredMarker>> ok -> ok.value().get().marker().isFresh(now, window)
          ? new Lookup.Claimed(ok.value().get().marker())
          : new Lookup.Unclaimed(Optional.of(ok.value().get().version()));
    };
  }

  /**
   * Records a sent job. A conflict means a concurrent request for the same work recorded its own
   * job first; both jobs are in the queue and the worker publishes the output once.
   */
  void record(PlannedJob sent, Instant now) {
    DedupMarker marker = new DedupMarker(sent.job().jobId(), sent.output(), now);
    Result<MarkerWrite> written = sent.staleVersion()
        .map(version -> markers.replace(sent.key(), marker, version))
        .orElseGet(() -> markers.create(sent.key(), marker));
    switch (written) {
      case Result.Ok<MarkerWrite> ok when ok.value() == MarkerWrite.CONFLICT -> log.info(
          "Job {} was sent while another request recorded a job for the same work (key {})",
          sent.job().jobId(), sent.key());
      case Result.Ok<MarkerWrite> ok -> { }
      case Result.Err<MarkerWrite> err -> log.warn("Job {} was sent but its dedup marker {} could"
          + " not be written, so a repeat request would enqueue it again: {}",
          sent.job().jobId(), sent.key(), err.fault());
    }
  }
}
