package dev.sluice.queue.port;

import java.time.Duration;

/** Waiting, made a port so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;
}
