package dev.sluice.contract.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One job, version 1 of the contract in docs/job-contract.md. A {@code Job} that exists is valid:
 * every field rule is checked here, so code that holds one never re-checks it.
 */
public record Job(
    UUID jobId,
    String assetId,
    Optional<String> tenant,
    SourceRef source,
    String variant,
    Sha256 recipeDigest,
    ObjectRef target,
    Priority priority,
    Instant enqueuedAt) {

  public static final int VERSION = 1;
  /** The form of {@code assetId} and {@code tenant}: safe as one path segment and as a label. */
  public static final Pattern ID_FORM = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  /** The form of a variant, which is a preset name. */
  public static final Pattern VARIANT_FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  // RFC 3339 has four-digit years; outside them a Job could not be encoded and decoded again.
  private static final Instant EARLIEST =
      LocalDate.of(0, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant END =
      LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

  public Job {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(recipeDigest, "recipeDigest");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    tenant = Objects.requireNonNullElse(tenant, Optional.empty());
    priority = Objects.requireNonNullElse(priority, Priority.NORMAL);
    checkNames(assetId, tenant, variant);
    if (!target.isPrefix()) {
      throw new IllegalArgumentException("target.uri must be a prefix ending in '/'");
    }
    OutputKeys.lengthProblem(target, assetId, variant).ifPresent(problem -> {
      throw new IllegalArgumentException("target.uri is too long: " + problem);
    });
    enqueuedAtProblem(enqueuedAt).ifPresent(problem -> {
      throw new IllegalArgumentException("enqueuedAt: " + problem);
    });
  }

  private static void checkNames(String assetId, Optional<String> tenant, String variant) {
    if (assetId == null || !ID_FORM.matcher(assetId).matches()) {
      throw new IllegalArgumentException("assetId must match [A-Za-z0-9._-]{1,128}");
    }
    if (assetId.equals(".") || assetId.equals("..")) {
      throw new IllegalArgumentException("assetId must not be '.' or '..'");
    }
    if (tenant.isPresent() && !ID_FORM.matcher(tenant.get()).matches()) {
      throw new IllegalArgumentException("tenant must match [A-Za-z0-9._-]{1,128}");
    }
    if (variant == null || !VARIANT_FORM.matcher(variant).matches()) {
      throw new IllegalArgumentException("variant must be a preset name ([a-z0-9-], at most 64)");
    }
  }

  /** Why {@code at} has no RFC 3339 spelling in UTC (a year outside 0000-9999), or empty. */
  public static Optional<String> enqueuedAtProblem(Instant at) {
    if (at.isBefore(EARLIEST) || !at.isBefore(END)) {
      return Optional.of("it must fall in the years 0000 to 9999 in UTC");
    }
    return Optional.empty();
  }
}
