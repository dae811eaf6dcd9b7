package dev.sluice.worker.app;

import java.util.Optional;

/**
 * Whether the worker should take new messages now. While a dependency every job needs is down (the
 * S3 circuit breaker is open), receiving would only churn messages through failed attempts into the
 * dead-letter queue; the loops wait instead and resume when the breaker lets trial calls through.
 */
@FunctionalInterface
public interface ReceiveGate {

  /** Why receiving is paused, or empty when it may go on. */
  Optional<String> closedBecause();

  static ReceiveGate alwaysOpen() {
    return Optional::empty;
  }
}
