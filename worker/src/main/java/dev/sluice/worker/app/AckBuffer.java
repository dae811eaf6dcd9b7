package dev.sluice.worker.app;

import dev.sluice.queue.port.BatchResult;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects acks so a batch of short jobs costs one DeleteMessageBatch instead of ten deletes, while
 * no ack waits longer than {@code flushAfter}: it flushes when ten are pending for a queue, when the
 * oldest pending ack is that old, and at the end of every batch.
 *
 * <p>A delete that fails is only logged: the message will be redelivered and the presence probe
 * will settle it as a duplicate for the price of one HEAD.
 */
public final class AckBuffer {
  private static final Logger log = LoggerFactory.getLogger(AckBuffer.class);
  private static final int SQS_BATCH = 10;

  private final JobQueue queue;
  private final Clock clock;
  private final Duration flushAfter;
  private final Map<QueueRef, List<ReceiptHandle>> pending = new LinkedHashMap<>();
  private Instant oldest;

  public AckBuffer(JobQueue queue, Clock clock, Duration flushAfter) {
    this.queue = queue;
    this.clock = clock;
    this.flushAfter = flushAfter;
  }

  public synchronized void add(QueueRef q, ReceiptHandle handle) {
    if (pending.isEmpty()) {
      oldest = clock.now();
    }
    List<ReceiptHandle> handles = pending.computeIfAbsent(q, k -> new ArrayList<>());
    handles.add(handle);
    if (handles.size() >= SQS_BATCH) {
      flush();
    }
  }

  public synchronized void flushIfDue() {
    if (!pending.isEmpty() && !clock.now().isBefore(oldest.plus(flushAfter))) {
      flush();
    }
  }

  public synchronized void flush() {
    pending.forEach(this::delete);
    pending.clear();
    oldest = null;
  }

  public synchronized int pendingCount() {
    return pending.values().stream().mapToInt(List::size).sum();
  }

  private void delete(QueueRef q, List<ReceiptHandle> handles) {
    for (int from = 0; from < handles.size(); from += SQS_BATCH) {
      var chunk = handles.subList(from, Math.min(handles.size(), from + SQS_BATCH));
      BatchResult result = queue.ack(q, List.copyOf(chunk));
      result.failed().forEach((h, fault) ->
          log.warn("Ack of {} on {} failed ({}); the redelivery will be settled by the presence probe",
              h, q, fault));
    }
  }
}
