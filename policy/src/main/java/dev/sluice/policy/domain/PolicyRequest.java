package dev.sluice.policy.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rules look at. The same request type is built by the enqueuer (serve time), the
 * worker before fetching (ingest time, with the source's current size) and the worker before
 * publishing (with {@code media} filled from the probe).
 */
public record PolicyRequest(
    String assetId,
    Optional<String> tenant,
    ObjectRef source,
    long sourceSize,
    ObjectRef target,
    String variant,
    Optional<MediaFacts> media) {

  public PolicyRequest {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(variant, "variant");
    tenant = Objects.requireNonNullElse(tenant, Optional.empty());
    media = Objects.requireNonNullElse(media, Optional.empty());
  }

  public PolicyRequest withMedia(MediaFacts facts) {
    return new PolicyRequest(assetId, tenant, source, sourceSize, target, variant, Optional.of(facts));
  }
}
