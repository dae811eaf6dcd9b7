package dev.sluice.worker.port;

import dev.sluice.policy.domain.MediaFacts;
import java.nio.file.Path;

/** Reads a media file's facts (container, duration, streams) before it is transcoded. */
public interface MediaProbe {

  sealed interface ProbeResult permits Probed, Unreadable {}

  record Probed(String container, MediaFacts facts) implements ProbeResult {}

  /** The file is not media this probe can read; {@code reason} quotes the tool's complaint. */
  record Unreadable(String reason) implements ProbeResult {}

  ProbeResult probe(Path file);
}
