package dev.sluice.enqueuer.domain;

import static dev.sluice.enqueuer.domain.RequestProblem.RULE_FORMAT;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_MAX_ITEMS;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_MIN_ITEMS;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_REQUIRED;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_UNIQUE;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_UNKNOWN_VARIANT;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.PresetCatalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a request's {@code variants} list: one to {@link #MAX_VARIANTS} distinct names, each
 * a preset of the bundled catalogue. Checking the catalogue here, not only in the worker, means a
 * misspelt variant is a 400 naming the presets that exist instead of a dead letter.
 */
final class VariantRules {
  /** At most this many variants in one request: more than every preset of a sane catalogue. */
  static final int MAX_VARIANTS = 16;

  private final PresetCatalogue catalogue;

  VariantRules(PresetCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  Optional<RequestProblem> check(List<String> variants) {
    if (variants == null) {
      return problem("variants", RULE_REQUIRED, "variants is required: a list of one or more"
          + " preset names, e.g. [\"h264-720p\"].");
    }
    if (variants.isEmpty()) {
      return problem("variants", RULE_MIN_ITEMS, "variants must name at least one preset.");
    }
    if (variants.size() > MAX_VARIANTS) {
      return problem("variants", RULE_MAX_ITEMS, "variants may name at most " + MAX_VARIANTS
          + " presets, but names " + variants.size() + ".");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      Optional<RequestProblem> problem = check("variants[" + i + "]", variants.get(i), seen);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<RequestProblem> check(String field, String variant, Set<String> seen) {
    if (!Job.VARIANT_FORM.matcher(variant).matches()) {
      return problem(field, RULE_FORMAT, field + " must be a preset name (a-z or 0-9, then up to 63"
          + " of a-z 0-9 -), but got " + Quoted.of(variant) + ".");
    }
    if (!seen.add(variant)) {
      return problem(field, RULE_UNIQUE, field + " repeats " + Quoted.of(variant)
          + "; name each variant once.");
    }
    if (catalogue.find(variant).isEmpty()) {
      return problem(field, RULE_UNKNOWN_VARIANT, field + " " + Quoted.of(variant)
          + " is not a preset of the catalogue; known presets: "
          + String.join(", ", catalogue.all().stream().map(Preset::name).toList()) + ".");
    }
    return Optional.empty();
  }

  private static Optional<RequestProblem> problem(String field, String rule, String message) {
    return Optional.of(new RequestProblem(field, rule, message));
  }
}
