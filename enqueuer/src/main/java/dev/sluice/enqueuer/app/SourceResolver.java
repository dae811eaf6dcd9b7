package dev.sluice.enqueuer.app;

import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.util.Optional;

/**
 * Pins the source a job will render: one HEAD for its existence and size, then its SHA-256 from,
 * in order, the request, the checksum S3 keeps (HeadObject in checksum mode), or a single streamed
 * read of the object. The streamed read is bounded by {@code maxHashBytes}: a larger object
 * without a digest is refused with 422 rather than tie up the enqueuer for minutes, and the
 * client is told how to supply one. A digest from the request that contradicts S3's own checksum
 * is refused too: the worker would only drop the job as tampered.
 */
final class SourceResolver {
  static final String RULE_DIGEST_UNAVAILABLE = "digest_unavailable";
  static final String RULE_DIGEST_MISMATCH = "digest_mismatch";

  /** What resolving gave: the pinned source, or why it cannot be. */
  sealed interface Resolution {
    record Resolved(SourceRef source) implements Resolution {}

    record Refused(Refusal refusal) implements Resolution {}
  }

  private final SourceStore store;
  private final StreamingDigest digest;
  private final EnqueueSettings settings;

  SourceResolver(SourceStore store, EnqueueSettings settings) {
    this.store = store;
    this.settings = settings;
    this.digest = new StreamingDigest(store, settings.retryAfter());
  }

  Resolution resolve(JobRequest request) {
    Result<Optional<ObjectInfo>> head = store.head(request.source());
    return switch (head) {
      case Result.Err<Optional<ObjectInfo>> err -> refused(FaultRefusals.ofSource(err.fault(),
          "look up the source " + request.source(), settings.retryAfter()));
      case Result.Ok<Optional<ObjectInfo>> ok when ok.value().isEmpty() -> refused(
          new Refusal.SourceMissing("The source " + request.source() + " does not exist."));
      case Result.Ok<Optional<ObjectInfo>> ok -> pin(request, ok.value().get());
    };
  }

  private Resolution pin(JobRequest request, ObjectInfo info) {
    Optional<Sha256> given = request.sha256();
    Optional<Sha256> kept = info.checksumSha256();
    if (given.isPresent() && kept.isPresent() && !given.equals(kept)) {
      return refused(new Refusal.Unprocessable("source.sha256", RULE_DIGEST_MISMATCH,
          "source.sha256 is " + given.get() + ", but S3 holds the SHA-256 checksum " + kept.get()
              + " for " + request.source() + "; the worker would refuse those bytes."));
    }
    Optional<Sha256> known = given.or(() -> kept);
    if (known.isPresent()) {
      return new Resolution.Resolved(new SourceRef(request.source(), known.get(), info.size()));
    }
    if (info.size() > settings.maxHashBytes()) {
      return refused(new Refusal.Unprocessable("source.sha256", RULE_DIGEST_UNAVAILABLE,
          "The source " + request.source() + " is " + info.size() + " bytes and has no SHA-256"
              + " checksum in S3, and the enqueuer hashes sources of at most "
              + settings.maxHashBytes() + " bytes itself (SLUICE_MAX_HASH_BYTES); send"
              + " source.sha256, or upload the object with a SHA-256 checksum."));
    }
    return switch (digest.of(request.source(), info.size())) {
      case StreamingDigest.Hashed.Digest d ->
          new Resolution.Resolved(new SourceRef(request.source(), d.sha256(), info.size()));
      case StreamingDigest.Hashed.Refused r -> refused(r.refusal());
    };
  }

  private static Resolution refused(Refusal refusal) {
    return new Resolution.Refused(refusal);
  }
}
