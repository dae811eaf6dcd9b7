package dev.sluice.queue.port;

/**
 * The bounded classification an adapter gives to anything that went wrong at the edge. Adapters
 * map SDK exceptions and status codes onto these so that no AWS exception crosses a port.
 */
public enum FaultKind {
  /** The endpoint could not be reached, or the connection broke: retryable. */
  UNREACHABLE,
  /** The service asked us to slow down (SlowDown, throttling, 503): retryable. */
  THROTTLED,
  /** The service failed on its side (5xx): retryable. */
  SERVER_ERROR,
  /** Credentials are missing, wrong or not allowed to do this (401/403): not retryable as is. */
  UNAUTHORIZED,
  /** The named queue or bucket does not exist: a configuration error. */
  NOT_FOUND,
  /** The request was refused as invalid (4xx other than the above). */
  REJECTED,
  /** The receipt handle is no longer valid: another receiver owns the message now. */
  LEASE_LOST,
  /** The call took longer than allowed. */
  TIMEOUT;

  /** Whether repeating the same call later may succeed. */
  public boolean transientFault() {
    return switch (this) {
      case UNREACHABLE, THROTTLED, SERVER_ERROR, TIMEOUT -> true;
      case UNAUTHORIZED, NOT_FOUND, REJECTED, LEASE_LOST -> false;
    };
  }
}
