package dev.sluice.policy.domain;

/**
 * The result of evaluating the rules on one request. Every decision carries the revision (a hash
 * of the rules file) it was made under, so a job's record says which rules admitted or refused it.
 */
public sealed interface Decision permits Decision.Admit, Decision.Deny, Decision.Undecidable {

  String revision();

  /** The rules allow the request. */
  record Admit(String revision) implements Decision {}

  /** The rules refuse the request; {@code reason} is a full sentence naming the rule. */
  record Deny(DenyCause cause, String reason, String revision) implements Decision {}

  /** The rules cannot be applied now (e.g. the rules file is unreadable); ask again later. */
  record Undecidable(String reason, String revision) implements Decision {}
}
