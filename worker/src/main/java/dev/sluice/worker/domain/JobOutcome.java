package dev.sluice.worker.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.util.Objects;
import java.util.Optional;

/**
 * How one delivery of a job ends. Exactly one place, the {@code OutcomeRealiser}, turns this into
 * queue operations, so what each outcome does to the message is decided once.
 */
public sealed interface JobOutcome permits JobOutcome.Succeeded, JobOutcome.Dropped, JobOutcome.Retried {

  /** The output exists at its key: the message is deleted. */
  record Succeeded(Success how, Optional<ObjectRef> output) implements JobOutcome {
    public Succeeded {
      Objects.requireNonNull(how, "how");
      output = Objects.requireNonNullElse(output, Optional.empty());
    }
  }

  /**
   * Redelivery cannot help: the message is deleted after its raw body, cause and reason are
   * recorded in the dead-letter queue, and an ERROR is logged.
   */
  record Dropped(Cause cause, String reason) implements JobOutcome {
    public Dropped {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The failure may pass: the message stays and becomes visible again after a backoff, until the
   * attempt budget runs out and it is dead-lettered with this reason.
   */
  record Retried(Cause cause, String reason) implements JobOutcome {
    public Retried {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a job succeeded; each deletes the message. */
  enum Success {
    /** The output was written by this delivery. Deletes the message. */
    PUBLISHED,
    /** The presence probe found the output already there; nothing was fetched. Deletes the message. */
    DUPLICATE,
    /** The conditional write found the output already there (a concurrent or earlier delivery). Deletes the message. */
    ALREADY_PRESENT
  }

  /** Why a job did not succeed: a bounded set, used as metric label and span attribute. */
  enum Cause {
    /** The body is not a valid v1 job. Dropped: dead-lettered with the raw body, then deleted. */
    MALFORMED,
    /** The variant names no preset in the catalogue. Dropped: dead-lettered, deleted. */
    UNKNOWN_PRESET,
    /** The preset needs another resource class (e.g. gpu) than this worker's. Dropped: dead-lettered, deleted. */
    WRONG_RESOURCE_CLASS,
    /** The source no longer exists. Dropped: dead-lettered, deleted. */
    WITHDRAWN,
    /** The source or the recipe changed since enqueue. Dropped: dead-lettered, deleted. */
    STALE,
    /** The policy now refuses the job. Dropped: dead-lettered, deleted. */
    DENIED,
    /** The fetched bytes do not match the admitted digest or size. Dropped with an alarm; nothing published. */
    TAMPERED,
    /** The source is not media the probe can read. Dropped: dead-lettered, deleted. */
    UNREADABLE_MEDIA,
    /** FFmpeg refused the input as invalid. Dropped: dead-lettered, deleted. */
    INVALID_MEDIA,
    /** The output failed verification. Dropped: dead-lettered, deleted; nothing published. */
    BAD_OUTPUT,
    /** The policy could not be applied now. Retried with backoff. */
    POLICY_UNDECIDABLE,
    /** The source's HEAD or GET failed in transport. Retried with backoff. */
    SOURCE_UNAVAILABLE,
    /** The transcode failed in a way that may pass, or timed out. Retried with backoff. */
    TRANSCODE_FAILED,
    /** The output write failed in transport. Retried with backoff. */
    PUBLISH_FAILED,
    /** Another receiver owns the message now; nothing was published. Retried (its visibility is not ours to change). */
    LEASE_LOST,
    /** The worker is shutting down; the message is released for another worker. Retried at once. */
    SHUTDOWN,
    /** The worker itself failed (a bug or a full disk). Retried with backoff. */
    INTERNAL
  }

  /** The cause, for outcomes that have one. */
  default Optional<Cause> causeIfAny() {
    return switch (this) {
      case Succeeded s -> Optional.empty();
      case Dropped d -> Optional.of(d.cause());
      case Retried r -> Optional.of(r.cause());
    };
  }
}
