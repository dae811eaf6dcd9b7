package dev.sluice.queue.adapter.system;

import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.time.Instant;

/** The real clock and real sleeping. */
public final class SystemTime implements Clock, Sleeper {
  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration);
  }
}
