package dev.sluice.queue.port;

import dev.sluice.contract.domain.ObjectRef;
import java.nio.file.Path;
import java.util.Map;

/** One file to publish: where it goes, its local bytes, type and user metadata. */
public record Artifact(ObjectRef key, Path file, String contentType, Map<String, String> metadata) {
  public Artifact {
    metadata = Map.copyOf(metadata);
  }
}
