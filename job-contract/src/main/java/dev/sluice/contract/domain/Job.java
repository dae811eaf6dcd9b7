package dev.sluice.contract.domain;

import java.time.Instant;
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
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern VARIANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public Job {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(recipeDigest, "recipeDigest");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    tenant = Objects.requireNonNullElse(tenant, Optional.empty());
    priority = Objects.requireNonNullElse(priority, Priority.NORMAL);
    if (assetId == null || !ID.matcher(assetId).matches()) {
      throw new IllegalArgumentException("assetId must match [A-Za-z0-9._-]{1,128}");
    }
    if (assetId.equals(".") || assetId.equals("..")) {
      throw new IllegalArgumentException("assetId must not be '.' or '..'");
    }
    if (tenant.isPresent() && !ID.matcher(tenant.get()).matches()) {
      throw new IllegalArgumentException("tenant must match [A-Za-z0-9._-]{1,128}");
    }
    if (variant == null || !VARIANT.matcher(variant).matches()) {
      throw new IllegalArgumentException("variant must be a preset name ([a-z0-9-], at most 64)");
    }
    if (!target.isPrefix()) {
      throw new IllegalArgumentException("target.uri must be a prefix ending in '/'");
    }
  }
}
