package dev.sluice.enqueuer.domain;

import static dev.sluice.enqueuer.domain.RequestProblem.RULE_ENUM;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_FORMAT;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_LENGTH;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_REQUIRED;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.preset.PresetCatalogue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field rules of a job request, checked in a fixed order so that a request breaking several
 * is always refused for the same one. They are the job contract's rules (docs/job-contract.md)
 * applied at the front door: a request that passes them yields jobs the worker's decoder accepts,
 * so a client learns about a bad field from a 400 now rather than from a dead letter later.
 */
public final class JobRequestRules {
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
  private static final String ID_RULE = "1 to 128 of the characters A-Z a-z 0-9 . _ -";

  private final VariantRules variants;

  public JobRequestRules(PresetCatalogue catalogue) {
    this.variants = new VariantRules(catalogue);
  }

  /** The valid request, or the first rule {@code raw} breaks. */
  public Checked check(RawJobRequest raw) {
    try {
      return new Checked.Valid(build(raw));
    } catch (Refused refused) {
      return new Checked.Invalid(refused.problem);
    }
  }

  /** What {@link #check} found. */
  public sealed interface Checked {
    record Valid(JobRequest request) implements Checked {}

    record Invalid(RequestProblem problem) implements Checked {}
  }

  private JobRequest build(RawJobRequest raw) {
    String assetId = id("assetId", raw.assetId(), true);
    Optional<String> tenant = Optional.ofNullable(id("tenant", raw.tenant(), false));
    ObjectRef source = source(raw.sourceUri());
    Optional<Sha256> sha256 = sha256(raw.sourceSha256());
    variants.check(raw.variants()).ifPresent(Refused::raise);
    ObjectRef target = target(raw.targetUri(), assetId, raw.variants());
    Priority priority = priority(raw.priority());
    return new JobRequest(assetId, tenant, source, sha256, raw.variants(), target, priority);
  }

  private static String id(String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        Refused.raise(field, RULE_REQUIRED, field + " is required: " + ID_RULE + ".");
      }
      return null;
    }
    if (!Job.ID_FORM.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      Refused.raise(field, RULE_FORMAT, field + " must be " + ID_RULE + ", and not '.' or '..',"
          + " but got " + Quoted.of(value) + ".");
    }
    return value;
  }

  private static ObjectRef source(String uri) {
    if (uri == null) {
      Refused.raise("source.uri", RULE_REQUIRED, "source.uri is required: the s3://bucket/key of"
          + " the object to render.");
    }
    if (!uri.startsWith("s3://") || uri.endsWith("/")) {
      Refused.raise("source.uri", RULE_FORMAT, "source.uri must name an object, s3://bucket/key"
          + " with a key not ending in '/', but got " + Quoted.of(uri) + ".");
    }
    return parsed("source.uri", uri, false);
  }

  private static Optional<Sha256> sha256(String hex) {
    if (hex == null) {
      return Optional.empty();
    }
    if (!HEX_64.matcher(hex).matches()) {
      Refused.raise("source.sha256", RULE_FORMAT, "source.sha256 must be 64 lowercase hex"
          + " characters (a SHA-256 digest), but got " + Quoted.of(hex) + ".");
    }
    return Optional.of(new Sha256(hex));
  }

  private static ObjectRef target(String uri, String assetId, java.util.List<String> variants) {
    if (uri == null) {
      Refused.raise("target.uri", RULE_REQUIRED, "target.uri is required: the s3://bucket/prefix/"
          + " the renditions go under.");
    }
    if (!uri.startsWith("s3://") || !uri.endsWith("/")) {
      Refused.raise("target.uri", RULE_FORMAT, "target.uri must be a prefix ending in '/', like"
          + " s3://bucket/renditions/, but got " + Quoted.of(uri) + ".");
    }
    ObjectRef target = parsed("target.uri", uri, true);
    for (String variant : variants) {
      OutputKeys.lengthProblem(target, assetId, variant).ifPresent(problem ->
          Refused.raise("target.uri", RULE_LENGTH, "target.uri is too long: " + problem + "."));
    }
    return target;
  }

  private static ObjectRef parsed(String field, String uri, boolean prefix) {
    try {
      return ObjectRef.parseS3Uri(uri, prefix);
    } catch (IllegalArgumentException e) {
      throw new Refused(new RequestProblem(field, RULE_FORMAT, field + " " + Quoted.of(uri)
          + " is not acceptable: " + e.getMessage() + "."));
    }
  }

  private static Priority priority(String wire) {
    if (wire == null) {
      return Priority.NORMAL;
    }
    for (Priority p : Priority.values()) {
      if (p.wireName().equals(wire)) {
        return p;
      }
    }
    throw new Refused(new RequestProblem("priority", RULE_ENUM,
        "priority must be one of high, normal, low, but got " + Quoted.of(wire) + "."));
  }

  /** Carries the first problem out of the nested checks; never leaves this class. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RequestProblem problem;

    Refused(RequestProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }

    static void raise(RequestProblem problem) {
      throw new Refused(problem);
    }

    static void raise(String field, String rule, String message) {
      throw new Refused(new RequestProblem(field, rule, message));
    }
  }
}
