package dev.sluice.policy;

import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.PolicyEngine;
import dev.sluice.policy.domain.PolicyRequest;
import dev.sluice.policy.domain.Rules;
import java.util.Objects;

/**
 * A policy that never changes: for tests, and for embedding where the rules come from code or are
 * read once. Decisions carry the given revision like those of {@link ReloadingPolicy}.
 */
public record StaticPolicy(Rules rules, String revision) implements PolicySource {

  public StaticPolicy {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(revision, "revision");
  }

  /** The policy of a file read once. */
  public static StaticPolicy of(RulesFile.Loaded loaded) {
    return new StaticPolicy(loaded.rules(), loaded.revision());
  }

  @Override
  public Decision evaluate(PolicyRequest request) {
    return PolicyEngine.evaluate(rules, revision, request);
  }
}
