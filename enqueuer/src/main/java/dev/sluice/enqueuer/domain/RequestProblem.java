package dev.sluice.enqueuer.domain;

import java.util.Objects;

/**
 * Why a request was refused as invalid: the JSON path of the field at fault, the short name of the
 * rule it broke (stable, for clients to switch on) and a sentence a person can act on. It is the
 * body of a 400 answer, and the first fault found is the one reported, so the answer is
 * deterministic.
 *
 * @param field the JSON path, e.g. {@code source.sha256} or {@code variants[1]}; {@code $} for the body
 * @param rule one of the {@code RULE_*} names
 * @param message one full sentence naming the field, the rule and the value given
 */
public record RequestProblem(String field, String rule, String message) {
  public static final String RULE_JSON = "json";
  public static final String RULE_TYPE = "type";
  public static final String RULE_REQUIRED = "required";
  public static final String RULE_UNKNOWN_FIELD = "unknown_field";
  public static final String RULE_DUPLICATE_KEY = "duplicate_key";
  public static final String RULE_FORMAT = "format";
  public static final String RULE_ENUM = "enum";
  public static final String RULE_MIN_ITEMS = "min_items";
  public static final String RULE_MAX_ITEMS = "max_items";
  public static final String RULE_UNIQUE = "unique";
  public static final String RULE_UNKNOWN_VARIANT = "unknown_variant";
  public static final String RULE_LENGTH = "length";

  public RequestProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }
}
