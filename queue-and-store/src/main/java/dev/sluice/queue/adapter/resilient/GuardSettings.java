package dev.sluice.queue.adapter.resilient;

import java.time.Duration;

/**
 * How one dependency (SQS, S3 sources, S3 outputs) is guarded: retries with exponential backoff
 * and jitter for transient faults, a circuit breaker over a sliding window of calls, and a bulkhead
 * bounding concurrent calls.
 *
 * @param maxAttempts attempts per call, the first included (1 = no retry)
 * @param firstBackoff wait before the second attempt; doubles each time, ±50 % jitter
 * @param failureRatePercent share of failed calls in the window that opens the breaker
 * @param window calls in the sliding window
 * @param minimumCalls calls before the failure rate is judged
 * @param openFor how long the breaker stays open before letting trial calls through
 * @param halfOpenCalls trial calls while half-open
 * @param maxConcurrent concurrent calls allowed through the bulkhead
 */
public record GuardSettings(int maxAttempts, Duration firstBackoff, int failureRatePercent,
    int window, int minimumCalls, Duration openFor, int halfOpenCalls, int maxConcurrent) {

  public GuardSettings {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be 1..10");
    }
    if (failureRatePercent < 1 || failureRatePercent > 100) {
      throw new IllegalArgumentException("failureRatePercent must be 1..100");
    }
    if (window < 1 || minimumCalls < 1 || halfOpenCalls < 1 || maxConcurrent < 1) {
      throw new IllegalArgumentException("window, minimumCalls, halfOpenCalls and maxConcurrent must be positive");
    }
    if (!firstBackoff.isPositive() || !openFor.isPositive()) {
      throw new IllegalArgumentException("firstBackoff and openFor must be positive");
    }
  }

  /** Production defaults: 3 attempts from 200 ms, open at 50 % of 20 calls for 15 s. */
  public static GuardSettings defaults() {
    return new GuardSettings(3, Duration.ofMillis(200), 50, 20, 10, Duration.ofSeconds(15), 3, 64);
  }
}
