package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.policy.PolicySource;
import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.PolicyRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the shared policy about every variant of a request, in the order the client listed them,
 * and answers the first refusal. Undecidable is never an admission: it becomes a 503, so the
 * client retries once the rules file is readable again.
 */
final class PolicyGate {
  private final PolicySource policy;
  private final Duration retryAfter;

  PolicyGate(PolicySource policy, Duration retryAfter) {
    this.policy = policy;
    this.retryAfter = retryAfter;
  }

  /** The first refusal over all variants for a source of {@code sourceSize} bytes, or empty. */
  Optional<Refusal> check(JobRequest request, long sourceSize) {
    for (String variant : request.variants()) {
      Decision decision = policy.evaluate(new PolicyRequest(request.assetId(), request.tenant(),
          request.source(), sourceSize, request.target(), variant, Optional.empty()));
      switch (decision) {
        case Decision.Admit admit -> { }
        case Decision.Deny deny -> {
          return Optional.of(new Refusal.Denied(deny.cause(), deny.reason(), deny.revision()));
        }
        case Decision.Undecidable undecidable -> {
          return Optional.of(new Refusal.Unavailable("The policy cannot decide now (rules revision "
              + undecidable.revision() + "): " + undecidable.reason(), retryAfter));
        }
      }
    }
    return Optional.empty();
  }
}
