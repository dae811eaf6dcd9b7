package dev.sluice.worker.adapter.memory;

import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.port.MediaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A media probe that reports the same facts for every non-empty file and calls an empty file
 * unreadable: enough to drive the policy's media limits in tests without FFmpeg.
 */
public final class FixedMediaProbe implements MediaProbe {
  private final MediaFacts facts;

  public FixedMediaProbe(MediaFacts facts) {
    this.facts = facts;
  }

  /** Ten seconds of 1280x720 at 30 fps, h264 + aac. */
  public static FixedMediaProbe shortHdClip() {
    return new FixedMediaProbe(new MediaFacts(Optional.of(Duration.ofSeconds(10)), OptionalInt.of(1280),
        OptionalInt.of(720), OptionalDouble.of(30), List.of("h264", "aac")));
  }

  @Override
  public ProbeResult probe(Path file) {
    try {
      if (Files.size(file) == 0) {
        return new Unreadable("file is empty");
      }
    } catch (IOException e) {
      return new Unreadable("cannot read file: " + e.getMessage());
    }
    return new Probed("mp4", facts);
  }
}
