package dev.sluice.enqueuer.domain;

import dev.sluice.policy.domain.DenyCause;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why a request was not (wholly) admitted, as a closed set: the HTTP adapter maps each kind to one
 * status code, and the CLI to one message. Every reason is a full sentence.
 */
public sealed interface Refusal {

  /** A field broke a rule: 400. Resending the same request cannot succeed. */
  record Invalid(RequestProblem problem) implements Refusal {
    @Override
    public String reason() {
      return problem.message();
    }
  }

  /** The policy refused it: 403, with the rule's cause and the rules revision. */
  record Denied(DenyCause cause, String reason, String policyRevision) implements Refusal {}

  /** The source object does not exist (or its bucket does not): 404. */
  record SourceMissing(String reason) implements Refusal {}

  /**
   * The source cannot be admitted as it is: no digest can be had within the limits, or the digest
   * the client gave is not the one S3 holds: 422.
   */
  record Unprocessable(String field, String rule, String reason) implements Refusal {}

  /**
   * Nothing is wrong with the request, but something it needs is unavailable now (the policy is
   * undecidable, S3 or SQS cannot be reached): 503 with Retry-After. {@code enqueued} lists the
   * jobs that did go out before the failure; resending the request is safe, since dedup answers
   * with those.
   */
  record Unavailable(String reason, Duration retryAfter, List<AdmittedJob> enqueued)
      implements Refusal {
    public Unavailable {
      Objects.requireNonNull(retryAfter, "retryAfter");
      enqueued = List.copyOf(enqueued);
    }

    public Unavailable(String reason, Duration retryAfter) {
      this(reason, retryAfter, List.of());
    }
  }

  /** S3 or SQS refused the enqueuer itself (credentials, a rejected call): 502. */
  record Upstream(String reason) implements Refusal {}

  /** One sentence saying why. */
  String reason();
}
