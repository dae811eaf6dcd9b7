package dev.sluice.queue.port;

import dev.sluice.contract.domain.ObjectRef;
import java.util.Optional;

/**
 * Where outputs go. Every write is conditional ({@code If-None-Match: *}) so a redelivered job can
 * never overwrite or duplicate an output: publishing is idempotent per key.
 */
public interface Publisher {

  /** The object at {@code key}, or empty when absent. One HEAD. */
  Result<Optional<ObjectInfo>> probe(ObjectRef key);

  /** Writes the artifact unless something is already at its key. */
  Result<PublishOutcome> publish(Artifact artifact);
}
