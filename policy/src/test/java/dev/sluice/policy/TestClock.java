package dev.sluice.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand, so reload intervals pass without sleeping. */
final class TestClock implements InstantSource {

  private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration step) {
    now = now.plus(step);
  }
}
