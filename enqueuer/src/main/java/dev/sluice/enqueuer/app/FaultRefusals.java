package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import java.time.Duration;

/**
 * The one mapping from a port's typed fault to what the client is told. A transient fault means
 * "try again" (503); anything else (rejected credentials, a missing queue or marker bucket, a call
 * refused as invalid) is the enqueuer's own problem, reported as 502 rather than blamed on the
 * request. Only for the source is "not found" the client's business (404).
 */
final class FaultRefusals {
  private FaultRefusals() {}

  static Refusal of(Fault fault, String doing, Duration retryAfter) {
    String reason = "Could not " + doing + ": " + fault.detail() + ".";
    return fault.kind().transientFault()
        ? new Refusal.Unavailable(reason, retryAfter)
        : new Refusal.Upstream(reason);
  }

  static Refusal ofSource(Fault fault, String doing, Duration retryAfter) {
    if (fault.kind() == FaultKind.NOT_FOUND) {
      return new Refusal.SourceMissing("Could not " + doing + ": " + fault.detail() + ".");
    }
    return of(fault, doing, retryAfter);
  }
}
