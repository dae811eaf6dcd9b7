package dev.sluice.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads contract version 1 out of a parsed body, field by field in contract order, so the
 * rejection a producer sees is always the first fault and names its exact path. The version is
 * read before anything else: a v2 body is refused for its version, not for its new fields.
 */
final class JobReader {
  private static final Set<String> TOP_FIELDS = Set.of("v", "jobId", "assetId", "tenant",
      "source", "variant", "recipeDigest", "target", "priority", "enqueuedAt");
  private static final Set<String> SOURCE_FIELDS = Set.of("uri", "sha256", "size");
  private static final Set<String> TARGET_FIELDS = Set.of("uri");

  private static final Pattern UUID_FORM = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern RFC_3339 = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?"
          + "(Z|[+-][0-9]{2}:[0-9]{2})");
  private static final Pattern HEX_FORM = Pattern.compile("[0-9a-f]{64}");
  private static final String ID_RULE = "1 to 128 of the characters A-Z a-z 0-9 . _ -";
  private static final String HEX_RULE = "64 lowercase hex characters (a SHA-256 digest)";

  private final FieldReader in;
  private final ObjectLocations locations;

  JobReader(FieldReader in) {
    this.in = in;
    this.locations = new ObjectLocations(in);
  }

  DecodeResult read(ObjectNode body) {
    version(body);
    in.onlyKnown(body, "", TOP_FIELDS);
    UUID jobId = in.parsed("jobId",
        in.matching(body, "", "jobId", true, UUID_FORM, "a UUID in 8-4-4-4-12 hex form"),
        UUID::fromString);
    String assetId = assetId(body);
    String tenant = in.matching(body, "", "tenant", false, Job.ID_FORM, ID_RULE);
    SourceRef source = source(body);
    String variant = in.matching(body, "", "variant", true, Job.VARIANT_FORM,
        "a preset name: a-z or 0-9, then up to 63 of a-z 0-9 -");
    Sha256 recipeDigest = sha256(body, "", "recipeDigest");
    ObjectRef target = target(body, assetId, variant);
    Priority priority = priority(body);
    Instant enqueuedAt = enqueuedAt(body);
    if (in.failed()) {
      return in.rejection();
    }
    return new DecodeResult.Decoded(new Job(jobId, assetId, Optional.ofNullable(tenant), source,
        variant, recipeDigest, target, priority, enqueuedAt));
  }

  private void version(ObjectNode body) {
    JsonNode v = in.member(body, "", "v", true);
    if (v == null) {
      return;
    }
    if (!v.isIntegralNumber()) {
      in.reject("v", "v must be the JSON integer " + Job.VERSION + ", but it is "
          + FieldReader.describe(v) + ".");
    } else if (!v.canConvertToInt() || v.intValue() != Job.VERSION) {
      in.reject("v", "The body uses an unsupported contract version "
          + FieldReader.printable(v.asText(), 32) + "; this decoder understands version "
          + Job.VERSION + " only.");
    }
  }

  private String assetId(ObjectNode body) {
    String assetId = in.matching(body, "", "assetId", true, Job.ID_FORM, ID_RULE);
    if (".".equals(assetId) || "..".equals(assetId)) {
      in.reject("assetId", "assetId must not be '.' or '..', because it becomes a path segment"
          + " of the output key.");
      return null;
    }
    return assetId;
  }

  private SourceRef source(ObjectNode body) {
    ObjectNode source = in.object(body, "", "source");
    in.onlyKnown(source, "source.", SOURCE_FIELDS);
    ObjectRef uri = locations.source(source);
    Sha256 sha256 = sha256(source, "source.", "sha256");
    long size = size(source);
    return in.failed() ? null : new SourceRef(uri, sha256, size);
  }

  private ObjectRef target(ObjectNode body, String assetId, String variant) {
    ObjectNode target = in.object(body, "", "target");
    in.onlyKnown(target, "target.", TARGET_FIELDS);
    return locations.target(target, assetId, variant);
  }

  private Sha256 sha256(ObjectNode parent, String prefix, String name) {
    String hex = in.matching(parent, prefix, name, true, HEX_FORM, HEX_RULE);
    return in.parsed(prefix + name, hex, Sha256::new);
  }

  private long size(ObjectNode source) {
    JsonNode size = in.member(source, "source.", "size", true);
    if (size == null) {
      return -1;
    }
    if (!size.isIntegralNumber()) {
      in.reject("source.size", "source.size must be a JSON integer number of bytes, but it is "
          + FieldReader.describe(size) + ".");
    } else if (!size.canConvertToLong()) {
      in.reject("source.size", "source.size is larger than the largest supported size, "
          + Long.MAX_VALUE + " bytes.");
    } else if (size.longValue() < 0) {
      in.reject("source.size", "source.size must not be negative, but it is " + size.longValue()
          + ".");
    }
    return in.failed() ? -1 : size.longValue();
  }

  private Priority priority(ObjectNode body) {
    String wire = in.text(body, "", "priority", false);
    if (wire == null) {
      return in.failed() ? null : Priority.NORMAL;
    }
    for (Priority p : Priority.values()) {
      if (p.wireName().equals(wire)) {
        return p;
      }
    }
    in.reject("priority", "priority must be one of high, normal, low, but got "
        + FieldReader.quote(wire) + ".");
    return null;
  }

  private Instant enqueuedAt(ObjectNode body) {
    String text = in.matching(body, "", "enqueuedAt", true, RFC_3339,
        "an RFC 3339 date-time with seconds and an offset, like 2026-11-23T18:00:00Z");
    OffsetDateTime at = in.parsed("enqueuedAt", text,
        s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    if (at != null && Job.enqueuedAtProblem(at.toInstant()).isPresent()) {
      in.reject("enqueuedAt", "enqueuedAt " + FieldReader.quote(text) + " is not acceptable: "
          + Job.enqueuedAtProblem(at.toInstant()).get() + ".");
      return null;
    }
    return at == null ? null : at.toInstant();
  }
}
