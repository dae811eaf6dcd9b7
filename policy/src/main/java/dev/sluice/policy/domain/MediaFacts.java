package dev.sluice.policy.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a media probe learned about a source, for the policy's media limits. Absent facts are
 * not checked (an audio file has no width).
 */
public record MediaFacts(
    Optional<Duration> duration,
    OptionalInt width,
    OptionalInt height,
    OptionalDouble framesPerSecond,
    List<String> codecs) {

  public MediaFacts {
    codecs = List.copyOf(codecs);
  }
}
