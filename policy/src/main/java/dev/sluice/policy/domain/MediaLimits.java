package dev.sluice.policy.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits checked against what a probe learned about the media ({@link MediaFacts}), kept apart
 * from the request-level rules because they only apply once the worker has probed the source.
 * Codec names are held in lower case so a probe's spelling cannot slip past the list.
 *
 * @param maxDurationSeconds the longest media accepted, in whole seconds
 * @param maxPixels the largest frame accepted, as width times height
 * @param maxFramesPerSecond the highest frame rate accepted
 * @param allowedCodecs the codecs a stream may use; empty means any codec
 */
public record MediaLimits(
    long maxDurationSeconds, long maxPixels, double maxFramesPerSecond, Set<String> allowedCodecs) {

  public MediaLimits {
    if (maxDurationSeconds <= 0) {
      throw new IllegalArgumentException(
          "media.maxDurationSeconds must be a positive number of seconds, was "
              + maxDurationSeconds);
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException(
          "media.maxPixels must be a positive number of pixels, was " + maxPixels);
    }
    if (!(maxFramesPerSecond > 0) || Double.isInfinite(maxFramesPerSecond)) {
      throw new IllegalArgumentException(
          "media.maxFramesPerSecond must be a positive finite number, was " + maxFramesPerSecond);
    }
    allowedCodecs = Rules.names("media.allowedCodecs", allowedCodecs).stream()
        .map(MediaLimits::canonicalCodec)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** True when {@code codec} may be used: the list is empty or names it, ignoring case. */
  public boolean allowsCodec(String codec) {
    return allowedCodecs.isEmpty() || allowedCodecs.contains(canonicalCodec(codec));
  }

  private static String canonicalCodec(String codec) {
    return codec.strip().toLowerCase(Locale.ROOT);
  }
}
