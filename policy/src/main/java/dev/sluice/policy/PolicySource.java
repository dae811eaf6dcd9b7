package dev.sluice.policy;

import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.PolicyRequest;

/**
 * The shared gate: the enqueuer asks it at serve time, the worker at ingest time and again just
 * before publishing. Implementations never throw for a request; when the rules cannot be applied
 * they answer {@link Decision.Undecidable}.
 */
public interface PolicySource {

  Decision evaluate(PolicyRequest request);
}
