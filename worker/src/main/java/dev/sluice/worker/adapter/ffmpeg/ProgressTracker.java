package dev.sluice.worker.adapter.ffmpeg;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns FFmpeg's {@code -progress} key=value lines into a whole percentage of the expected media
 * time. It only ever rises, and stays at most 99 until the caller has a verified output: 100
 * means done. Lines arrive on a reader thread; the percentage is read on the supervising thread.
 */
final class ProgressTracker {
  private final long workMicros;
  private final AtomicInteger percent = new AtomicInteger(0);
  private volatile long outTimeMicros;

  /** @param work the media time the run produces; zero or less means no percentage until the end */
  ProgressTracker(Duration work) {
    this.workMicros = Math.max(0, work.toNanos() / 1000);
  }

  /** One line of FFmpeg's progress output. */
  void line(String line) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      return;
    }
    String key = line.substring(0, eq);
    String value = line.substring(eq + 1).strip();
    if (key.equals("out_time_us")) {
      try {
        outTimeMicros = Long.parseLong(value);
      } catch (NumberFormatException notYet) {
        // FFmpeg prints N/A until the first frame is out.
      }
    } else if (key.equals("progress")) {
      percent.accumulateAndGet(current(), Math::max);
    }
  }

  /** The percentage so far, 0..99. */
  int percent() {
    return percent.get();
  }

  private int current() {
    if (workMicros == 0 || outTimeMicros <= 0) {
      return 0;
    }
    return (int) Math.min(99, outTimeMicros * 100 / workMicros);
  }
}
