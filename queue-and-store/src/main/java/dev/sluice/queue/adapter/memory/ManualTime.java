package dev.sluice.queue.adapter.memory;

import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, and a sleeper that moves it instead of waiting: tests cross
 * visibility windows and backoffs of minutes in microseconds, deterministically.
 */
public final class ManualTime implements Clock, Sleeper {
  private final AtomicReference<Instant> now;

  public ManualTime(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public ManualTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time does not go backwards");
    }
    now.updateAndGet(t -> t.plus(d));
  }

  @Override
  public void sleep(Duration duration) {
    advance(duration);
  }
}
