package dev.sluice.enqueuer.app;

import java.time.Duration;
import java.util.Objects;

/**
 * The admission settings the wiring reads from config.
 *
 * @param queues where each priority goes
 * @param dedupWindow how long an enqueued job answers for requests with the same dedup key
 * @param maxHashBytes the largest source the enqueuer will hash itself when no digest is given
 * @param retryAfter what a 503 tells the client to wait before trying again
 */
public record EnqueueSettings(QueueRoutes queues, Duration dedupWindow, long maxHashBytes,
    Duration retryAfter) {
  public EnqueueSettings {
    Objects.requireNonNull(queues, "queues");
    if (dedupWindow.isNegative()) {
      throw new IllegalArgumentException("dedupWindow must not be negative, was " + dedupWindow);
    }
    if (maxHashBytes < 0) {
      throw new IllegalArgumentException("maxHashBytes must not be negative, was " + maxHashBytes);
    }
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
    }
  }
}
