package dev.sluice.worker.app;

import dev.sluice.worker.domain.Backoff;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.domain.JobOutcome.Dropped;
import dev.sluice.worker.domain.JobOutcome.Retried;
import dev.sluice.worker.domain.JobOutcome.Succeeded;
import dev.sluice.worker.domain.TraceParent;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a {@link JobOutcome} becomes queue operations:
 * Succeeded → ack; Dropped → dead-letter record, then ack (nothing vanishes);
 * Retried → a jittered exponential backoff on the message's visibility, or, once the attempt
 * budget is spent, a dead-letter record and an ack. Retrying is "do not ack" because publishing
 * is idempotent per output key.
 */
public final class OutcomeRealiser {
  private static final Logger log = LoggerFactory.getLogger(OutcomeRealiser.class);

  private final JobQueue queue;
  private final AckBuffer acks;
  private final LeaseKeeper leases;
  private final JobTelemetry telemetry;
  private final Backoff backoff;
  private final int maxAttempts;
  private final AssetRedaction redaction;

  public OutcomeRealiser(JobQueue queue, AckBuffer acks, LeaseKeeper leases,
      JobTelemetry telemetry, Backoff backoff, int maxAttempts) {
    this(queue, acks, leases, telemetry, backoff, maxAttempts, new AssetRedaction(false));
  }

  public OutcomeRealiser(JobQueue queue, AckBuffer acks, LeaseKeeper leases,
      JobTelemetry telemetry, Backoff backoff, int maxAttempts, AssetRedaction redaction) {
    this.redaction = redaction;
    this.queue = queue;
    this.acks = acks;
    this.leases = leases;
    this.telemetry = telemetry;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
  }

  public void realise(Delivery delivery, JobOutcome outcome) {
    leases.letGo(delivery.lease());
    ReceivedMessage m = delivery.message();
    switch (outcome) {
      case Succeeded s -> acks.add(m.queue(), m.receiptHandle());
      case Dropped d -> drop(delivery, d);
      case Retried r -> retry(delivery, r);
    }
  }

  private void drop(Delivery delivery, Dropped dropped) {
    log.error("Job dropped: {} ({})", redaction.apply(dropped.reason(), delivery.assetId()), dropped.cause());
    if (dropped.cause() == JobOutcome.Cause.TAMPERED) {
      telemetry.alarm(dropped.cause(), dropped.reason());
    }
    deadLetterThenAck(delivery, dropped.cause().name(), dropped.reason());
  }

  private void retry(Delivery delivery, Retried retried) {
    ReceivedMessage m = delivery.message();
    switch (retried.cause()) {
      case LEASE_LOST -> log.warn("Job abandoned, its lease was lost: {}", retried.reason());
      case SHUTDOWN -> queue.release(m.queue(), List.of(m.receiptHandle()));
      default -> {
        if (m.receiveCount() >= maxAttempts) {
          String reason = "gave up after " + m.receiveCount() + " attempts; last: " + retried.reason();
          log.error("Job dead-lettered: {} ({})", redaction.apply(reason, delivery.assetId()), retried.cause());
          deadLetterThenAck(delivery, retried.cause().name(), reason);
        } else {
          backOff(m, new Retried(retried.cause(), redaction.apply(retried.reason(), delivery.assetId())));
        }
      }
    }
  }

  private void backOff(ReceivedMessage m, Retried retried) {
    Duration delay = backoff.delayAfter(m.receiveCount());
    log.warn("Job will be retried in {} s (attempt {} of {}): {} ({})", delay.toSeconds(),
        m.receiveCount(), maxAttempts, retried.reason(), retried.cause());
    var result = queue.extendVisibility(m.queue(), Map.of(m.receiptHandle(), delay));
    result.failed().forEach((h, f) ->
        log.warn("Could not set backoff on {} ({}); it will reappear after its current window", h, f));
  }

  private void deadLetterThenAck(Delivery delivery, String cause, String reason) {
    ReceivedMessage m = delivery.message();
    DeadLetter letter = new DeadLetter(m.body(), cause, reason, m.receiveCount(),
        delivery.trace().traceId(),
        m.attribute(ReceivedMessage.TRACEPARENT).flatMap(TraceParent::parse).map(TraceParent::traceId),
        delivery.jobId());
    switch (queue.deadLetter(m.queue(), letter)) {
      case Result.Ok<String> ok -> acks.add(m.queue(), m.receiptHandle());
      case Result.Err<String> err -> {
        // Deleting now would lose the message: leave it to come back and be recorded next time.
        log.error("Could not record message {} in the dead-letter queue ({}); leaving it queued",
            m.messageId(), err.fault());
        backOff(m, new Retried(JobOutcome.Cause.INTERNAL, "dead-letter write failed"));
      }
    }
  }
}
