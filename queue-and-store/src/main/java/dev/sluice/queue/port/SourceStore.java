package dev.sluice.queue.port;

import dev.sluice.contract.domain.ObjectRef;
import java.io.InputStream;
import java.util.Optional;

/** Where sources are read from. Reads are streamed: a source never sits whole in the heap. */
public interface SourceStore {

  /** The object's current facts, or empty when it does not exist (absence is not a fault). */
  Result<Optional<ObjectInfo>> head(ObjectRef object);

  /**
   * Opens the object for streaming. A transport failure while reading surfaces as an
   * {@link java.io.IOException} from the stream (a JDK type, never an SDK one); the caller closes it.
   */
  Result<InputStream> open(ObjectRef object);
}
