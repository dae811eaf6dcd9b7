package dev.sluice.enqueuer.port;

import dev.sluice.enqueuer.domain.DedupMarker;
import java.util.Objects;

/**
 * A dedup marker as the store holds it, with the store's version of it (an S3 ETag), which a
 * conditional replace must name so that two enqueuers never both replace the same stale marker.
 */
public record StoredMarker(DedupMarker marker, String version) {
  public StoredMarker {
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(version, "version");
  }
}
