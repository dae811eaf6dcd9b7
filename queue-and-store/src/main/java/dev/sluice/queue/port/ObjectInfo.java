package dev.sluice.queue.port;

import dev.sluice.contract.domain.Sha256;
import java.util.Map;
import java.util.Optional;

/**
 * What a HEAD tells about an object.
 *
 * @param size content length in bytes
 * @param etag the store's entity tag, when it gives one
 * @param checksumSha256 the full-object SHA-256 the store keeps, when it has one
 * @param metadata user metadata (keys lower case, without the {@code x-amz-meta-} prefix)
 */
public record ObjectInfo(
    long size, Optional<String> etag, Optional<Sha256> checksumSha256, Map<String, String> metadata) {
  public ObjectInfo {
    metadata = Map.copyOf(metadata);
  }
}
