package dev.sluice.worker.adapter.system;

import dev.sluice.worker.port.Clock;
import dev.sluice.worker.port.Sleeper;
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
