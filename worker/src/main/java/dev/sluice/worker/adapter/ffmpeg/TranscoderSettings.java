package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.contract.preset.ResourceClass;
import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits for FFmpeg runs, validated when built so a bad value fails at boot naming the
 * setting. The wall-clock limit of a run grows with the media it produces — a 2-hour film may
 * take longer than a 5-second clip — between a floor (process start, probing, tiny jobs) and a
 * cap (no job holds a worker forever).
 *
 * @param threads FFmpeg's {@code -threads}; 0 lets FFmpeg choose from the cores it sees
 * @param timeoutFloor the shortest limit of any run
 * @param timeoutCap the longest limit of any run
 * @param timeoutFactor limit per second of media produced (2.0: twice real time)
 * @param maxOutputBytes the most a run may write, HLS segments included
 * @param resourceClass this worker's class: GPU encoders run only on {@code GPU}
 */
public record TranscoderSettings(
    int threads,
    Duration timeoutFloor,
    Duration timeoutCap,
    double timeoutFactor,
    long maxOutputBytes,
    ResourceClass resourceClass) {

  public TranscoderSettings {
    Objects.requireNonNull(resourceClass, "resourceClass");
    require(threads >= 0 && threads <= 64, "threads", "0..64 (0: FFmpeg chooses)");
    require(timeoutFloor != null && timeoutFloor.isPositive(), "timeoutFloor",
        "a positive duration");
    require(timeoutCap != null && timeoutCap.compareTo(timeoutFloor) >= 0, "timeoutCap",
        "a duration not shorter than timeoutFloor");
    require(timeoutFactor > 0 && timeoutFactor <= 1000, "timeoutFactor", "a number in (0, 1000]");
    require(maxOutputBytes > 0, "maxOutputBytes", "a positive number of bytes");
  }

  /** One minute to two hours, four times real time, 8 GiB, FFmpeg's own thread count. */
  public static TranscoderSettings defaults(ResourceClass resourceClass) {
    return new TranscoderSettings(0, Duration.ofMinutes(1), Duration.ofHours(2), 4.0,
        8L << 30, resourceClass);
  }

  /** The wall-clock limit for a run producing {@code work} of media. */
  public Duration timeLimit(Duration work) {
    double seconds = work.toNanos() / 1e9 * timeoutFactor;
    Duration scaled = seconds >= timeoutCap.getSeconds() ? timeoutCap
        : Duration.ofNanos(Math.round(seconds * 1e9));
    return scaled.compareTo(timeoutFloor) < 0 ? timeoutFloor
        : scaled.compareTo(timeoutCap) > 0 ? timeoutCap : scaled;
  }

  private static void require(boolean ok, String key, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("transcoder." + key + " must be " + expected);
    }
  }
}
