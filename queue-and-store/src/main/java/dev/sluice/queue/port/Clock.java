package dev.sluice.queue.port;

import java.time.Instant;

/** The time source; tests use a fake one so visibility windows can be crossed without waiting. */
@FunctionalInterface
public interface Clock {
  Instant now();
}
