package dev.sluice.enqueuer.port;

import dev.sluice.enqueuer.domain.DedupKey;
import dev.sluice.enqueuer.domain.DedupMarker;
import dev.sluice.queue.port.Result;
import java.util.Optional;

/**
 * The durable memory of which jobs were enqueued, one small record per {@link DedupKey}. Writes are
 * conditional so that concurrent enqueuers agree on one marker per key without a lock or a
 * database: create only where none exists, replace only the version that was read.
 */
public interface DedupMarkers {

  /** The marker for {@code key}, or empty when there is none (absence is not a fault). */
  Result<Optional<StoredMarker>> read(DedupKey key);

  /** Stores {@code marker} unless one exists for {@code key} (If-None-Match: *). */
  Result<MarkerWrite> create(DedupKey key, DedupMarker marker);

  /** Replaces the marker for {@code key} only if it is still at {@code version} (If-Match). */
  Result<MarkerWrite> replace(DedupKey key, DedupMarker marker, String version);
}
