package dev.sluice.worker.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code base * 2^(n-1)}, capped. Half the delay is fixed so delays still grow with attempts; the
 * other half is random so a burst of failures does not return as a burst.
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

  public Backoff {
    Objects.requireNonNull(random, "random");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base must be positive");
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff cap must be at least the base");
    }
  }

  /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed deliveries (≥ 1). */
  public Duration delayAfter(int attempt) {
    int exponent = Math.min(Math.max(attempt, 1) - 1, 30);
    long ceilingMillis = Math.min(cap.toMillis(), base.toMillis() << exponent);
    if (ceilingMillis <= 0) {
      ceilingMillis = cap.toMillis();
    }
    long half = ceilingMillis / 2;
    long jitter = (long) (random.getAsDouble() * (ceilingMillis - half));
    return Duration.ofMillis(half + jitter);
  }
}
