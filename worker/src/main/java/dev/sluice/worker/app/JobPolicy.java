package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.policy.PolicySource;
import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.policy.domain.PolicyRequest;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.Step;
import java.util.Optional;

/**
 * Asks the shared policy about a job and turns the decision into a pipeline step, the same way at
 * each of the worker's three gates: Deny drops, Undecidable retries, Admit continues with the
 * revision that admitted it.
 */
public final class JobPolicy {
  private final PolicySource policy;

  public JobPolicy(PolicySource policy) {
    this.policy = policy;
  }

  public Step<String> check(Job job, long sourceSize, Optional<MediaFacts> media) {
    PolicyRequest request = new PolicyRequest(job.assetId(), job.tenant(), job.source().uri(),
        sourceSize, job.target(), job.variant(), media);
    Decision decision;
    try {
      decision = policy.evaluate(request);
    } catch (RuntimeException bug) {
      // PolicySource promises not to throw; if one does, the rules could not be decided.
      decision = new Decision.Undecidable("policy evaluation failed: " + bug, "unknown");
    }
    return switch (decision) {
      case Decision.Admit admit -> Step.next(admit.revision());
      case Decision.Deny deny -> Step.done(new Dropped(Cause.DENIED,
          "policy denies the job (" + deny.cause() + "): " + deny.reason()
              + " [rules revision " + deny.revision() + "]"));
      case Decision.Undecidable u -> Step.done(new Retried(Cause.POLICY_UNDECIDABLE,
          "policy cannot decide now: " + u.reason()));
    };
  }
}
