package dev.sluice.enqueuer.domain;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid request to render one source in one or more variants: what a client asks for before the
 * enqueuer has looked at S3 or the policy. Only {@link JobRequestRules} builds one from client
 * input, so holding one means every field rule has passed; each variant names a catalogue preset.
 *
 * @param sha256 the digest the client vouches for, if it gave one
 */
public record JobRequest(
    String assetId,
    Optional<String> tenant,
    ObjectRef source,
    Optional<Sha256> sha256,
    List<String> variants,
    ObjectRef target,
    Priority priority) {

  public JobRequest {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(priority, "priority");
    tenant = Objects.requireNonNullElse(tenant, Optional.empty());
    sha256 = Objects.requireNonNullElse(sha256, Optional.empty());
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a request names at least one variant");
    }
  }

  /** The key rate limits are counted under: the tenant, or {@code -} for requests without one. */
  public String rateKey() {
    return tenant.orElse("-");
  }
}
