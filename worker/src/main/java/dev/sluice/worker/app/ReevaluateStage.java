package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.preset.Preset;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.Step;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.util.Optional;

/**
 * Stage 2, the ingest-time gate. Rules may have tightened, the source may have changed or gone,
 * and the preset may have been redefined since enqueue: each of those ends the job here, before a
 * byte is fetched. Only a HEAD failure or undecidable rules leave it for another try.
 */
public final class ReevaluateStage {

  /** What the gate admitted: the source as it is now and the rules revision that said yes. */
  public record Admitted(ObjectInfo source, String policyRevision) {}

  private final SourceStore sources;
  private final JobPolicy policy;

  public ReevaluateStage(SourceStore sources, JobPolicy policy) {
    this.sources = sources;
    this.policy = policy;
  }

  public Step<Admitted> run(Job job, Preset preset) {
    if (!preset.recipeDigest().equals(job.recipeDigest())) {
      return Step.done(new Dropped(Cause.STALE, "preset '" + preset.name()
          + "' changed since enqueue: recipe digest is now " + preset.recipeDigest().prefix(16)
          + ", the job was admitted with " + job.recipeDigest().prefix(16)));
    }
    Result<Optional<ObjectInfo>> head = sources.head(job.source().uri());
    if (head instanceof Result.Err<Optional<ObjectInfo>> err) {
      return Step.done(new Retried(Cause.SOURCE_UNAVAILABLE,
          "HEAD of source " + job.source().uri() + " failed: " + err.fault()));
    }
    Optional<ObjectInfo> current = ((Result.Ok<Optional<ObjectInfo>>) head).value();
    if (current.isEmpty()) {
      return Step.done(new Dropped(Cause.WITHDRAWN, "source " + job.source().uri() + " no longer exists"));
    }
    ObjectInfo info = current.get();
    Optional<String> stale = staleness(job, info);
    if (stale.isPresent()) {
      return Step.done(new Dropped(Cause.STALE, stale.get()));
    }
    return switch (policy.check(job, info.size(), Optional.empty())) {
      case Step.Next<String> admit -> Step.next(new Admitted(info, admit.value()));
      case Step.Done<String> refused -> Step.done(refused.outcome());
    };
  }

  private static Optional<String> staleness(Job job, ObjectInfo info) {
    if (info.size() != job.source().size()) {
      return Optional.of("source " + job.source().uri() + " changed since enqueue: it is "
          + info.size() + " bytes, the job was admitted at " + job.source().size() + " bytes");
    }
    if (info.checksumSha256().isPresent() && !info.checksumSha256().get().equals(job.source().sha256())) {
      return Optional.of("source " + job.source().uri() + " changed since enqueue: its stored SHA-256 is "
          + info.checksumSha256().get().prefix(16) + ", the job was admitted with "
          + job.source().sha256().prefix(16));
    }
    return Optional.empty();
  }
}
