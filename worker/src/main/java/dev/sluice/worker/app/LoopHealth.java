package dev.sluice.worker.app;

import dev.sluice.queue.port.Clock;
import java.time.Instant;

/**
 * What a loop last did, for the health endpoints: when it last made progress (a poll returned or a
 * job advanced) and whether any receive has succeeded yet.
 */
public final class LoopHealth {
  private final Clock clock;
  private volatile Instant lastProgress;
  private volatile boolean received;

  public LoopHealth(Clock clock) {
    this.clock = clock;
    this.lastProgress = clock.now();
  }

  void progressed() {
    lastProgress = clock.now();
  }

  void receivedOk() {
    received = true;
    progressed();
  }

  public Instant lastProgress() {
    return lastProgress;
  }

  public boolean hasReceived() {
    return received;
  }
}
