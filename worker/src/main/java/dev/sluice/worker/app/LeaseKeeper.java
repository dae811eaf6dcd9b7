package dev.sluice.worker.app;

import dev.sluice.queue.port.BatchResult;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every message of a received batch invisible until the worker is done with it.
 *
 * <p>SQS starts each message's visibility window at receive, not when its job starts, so with
 * sequential processing the tenth job of a slow batch would reappear to other workers before it
 * ran. The keeper holds all of them: whenever a held lease is within {@code margin} of lapsing it
 * extends it by {@code window}, batching the calls per queue in tens. A lease whose extension is
 * refused, or that lapsed before we could extend it, is marked lost and never extended again.
 */
public final class LeaseKeeper {
  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
  private static final int SQS_BATCH = 10;

  private final JobQueue queue;
  private final Clock clock;
  private final JobTelemetry telemetry;
  private final Duration window;
  private final Duration margin;
  private final List<Lease> held = new ArrayList<>();

  public LeaseKeeper(
      JobQueue queue, Clock clock, JobTelemetry telemetry, Duration window, Duration margin) {
    if (margin.compareTo(window) >= 0) {
      throw new IllegalArgumentException("lease margin must be shorter than the visibility window");
    }
    this.queue = queue;
    this.clock = clock;
    this.telemetry = telemetry;
    this.window = window;
    this.margin = margin;
  }

  /** Starts holding each message of a fresh batch; its window began at receipt. */
  public synchronized List<Lease> holdAll(List<ReceivedMessage> batch) {
    List<Lease> leases = new ArrayList<>(batch.size());
    for (ReceivedMessage m : batch) {
      Lease lease = new Lease(m.queue(), m.receiptHandle(), m.receivedAt().plus(window));
      leases.add(lease);
      held.add(lease);
    }
    return leases;
  }

  /** Stops extending a lease; called before its message is acked, released or left to back off. */
  public synchronized void letGo(Lease lease) {
    lease.letGo();
    held.remove(lease);
  }

  public synchronized int heldCount() {
    return held.size();
  }

  /** Extends every held lease that is due. Cheap when nothing is due; safe to call often. */
  public synchronized void tick() {
    Instant now = clock.now();
    Map<QueueRef, List<Lease>> due = new LinkedHashMap<>();
    for (Lease lease : List.copyOf(held)) {
      if (lease.lost()) {
        continue;
      }
      if (!now.isBefore(lease.expiresAt())) {
        lose(lease, "its visibility lapsed before it could be extended");
      } else if (!now.isBefore(lease.expiresAt().minus(margin))) {
        due.computeIfAbsent(lease.queue(), q -> new ArrayList<>()).add(lease);
      }
    }
    due.forEach((q, leases) -> extend(q, leases, now));
  }

  private void extend(QueueRef q, List<Lease> leases, Instant now) {
    for (int from = 0; from < leases.size(); from += SQS_BATCH) {
      List<Lease> chunk = leases.subList(from, Math.min(leases.size(), from + SQS_BATCH));
      Map<ReceiptHandle, Duration> request = new LinkedHashMap<>();
      chunk.forEach(l -> request.put(l.handle(), window));
      BatchResult result = queue.extendVisibility(q, request);
      int extended = 0;
      for (Lease lease : chunk) {
        if (result.succeeded().contains(lease.handle())) {
          lease.extendedUntil(now.plus(window));
          extended++;
        } else {
          var fault = result.failed().get(lease.handle());
          if (fault != null && !fault.kind().transientFault()) {
            lose(lease, "the queue refused to extend it (" + fault + ")");
          } else {
            log.warn("Could not extend lease of {} on {} ({}); will retry before it lapses",
                lease.handle(), q, fault);
          }
        }
      }
      if (extended > 0) {
        telemetry.leaseExtended(extended);
      }
    }
  }

  private void lose(Lease lease, String why) {
    lease.markLost();
    held.remove(lease);
    telemetry.leaseLost(1);
    log.warn("Lost lease of message {} on {}: {}", lease.handle(), lease.queue(), why);
  }
}
