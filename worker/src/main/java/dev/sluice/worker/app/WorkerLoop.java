package dev.sluice.worker.app;

import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Sleeper;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.JobTelemetry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One receive-process-settle loop. It takes a batch of up to 10, puts every message under the
 * lease keeper at once, and runs the jobs one at a time, settling each as soon as it ends. On stop
 * it releases the messages it has not started at once (another worker can take them within a
 * second), lets the job in flight finish and flushes its acks. A process runs several loops on
 * virtual threads.
 */
public final class WorkerLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);
  private static final Duration GATE_PAUSE = Duration.ofSeconds(1);

  /** A received message not yet started, with its lease. */
  private record Pending(ReceivedMessage message, Lease lease) {}

  private final PriorityPoller poller;
  private final LeaseKeeper leases;
  private final AckBuffer acks;
  private final OutcomeRealiser realiser;
  private final JobPipeline pipeline;
  private final JobQueue queue;
  private final JobTelemetry telemetry;
  private final ReceiveGate gate;
  private final Sleeper sleeper;
  private final LoopHealth health;
  private final Deque<Pending> unstarted = new ArrayDeque<>();
  private volatile boolean stopRequested;
  private volatile boolean abandonInFlight;

  public WorkerLoop(PriorityPoller poller, LeaseKeeper leases, AckBuffer acks, OutcomeRealiser realiser,
      JobPipeline pipeline, JobQueue queue, JobTelemetry telemetry, ReceiveGate gate, Sleeper sleeper,
      LoopHealth health) {
    this.poller = poller;
    this.leases = leases;
    this.acks = acks;
    this.realiser = realiser;
    this.pipeline = pipeline;
    this.queue = queue;
    this.telemetry = telemetry;
    this.gate = gate;
    this.sleeper = sleeper;
    this.health = health;
  }

  @Override
  public void run() {
    try {
      while (!stopRequested) {
        runOnce();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      acks.flush();
    }
  }

  /** One poll and the jobs it returned; answers how many jobs ran. */
  public int runOnce() throws InterruptedException {
    var closed = gate.closedBecause();
    if (closed.isPresent()) {
      log.debug("Not receiving: {}", closed.get());
      health.progressed();
      sleeper.sleep(GATE_PAUSE);
      return 0;
    }
    java.time.Instant pollStarted = java.time.Instant.now();
    List<ReceivedMessage> batch = poller.poll();
    if (poller.anyReceiveSucceeded()) {
      health.receivedOk();
    }
    if (batch.isEmpty()) {
      return 0;
    }
    telemetry.received(batch.get(0).queue(), batch.size(), pollStarted);
    List<Lease> held = leases.holdAll(batch);
    synchronized (this) {
      for (int i = 0; i < batch.size(); i++) {
        unstarted.add(new Pending(batch.get(i), held.get(i)));
      }
      if (stopRequested) {
        releaseUnstarted();
      }
    }
    int ran = 0;
    for (Pending next = nextUnstarted(); next != null; next = nextUnstarted()) {
      runJob(next.message(), next.lease());
      ran++;
    }
    acks.flush();
    return ran;
  }

  /** Called often (by the job's progress and by a ticker): keeps leases and acks moving. */
  public void heartbeat() {
    leases.tick();
    acks.flushIfDue();
    health.progressed();
  }

  /**
   * Stops taking new work and releases the received messages not yet started, now rather than
   * after the job in flight; that job finishes unless {@link #abandonInFlight()} follows.
   */
  public void stop() {
    stopRequested = true;
    synchronized (this) {
      releaseUnstarted();
    }
  }

  /** Asks the job in flight to give up (its transcoder is cancelled and the message released). */
  public void abandonInFlight() {
    abandonInFlight = true;
  }

  public LoopHealth health() {
    return health;
  }

  private synchronized Pending nextUnstarted() {
    return unstarted.pollFirst();
  }

  private void runJob(ReceivedMessage message, Lease lease) {
    MDC.put("message_id", message.messageId());
    try {
      Delivery delivery = new Delivery(message, lease, telemetry.startJob(message));
      JobOutcome outcome = pipeline.process(delivery, this::heartbeat, () -> abandonInFlight);
      if (abandonInFlight && outcome instanceof JobOutcome.Retried r
          && r.cause() == JobOutcome.Cause.LEASE_LOST && !lease.lost()) {
        outcome = new JobOutcome.Retried(JobOutcome.Cause.SHUTDOWN, "worker is shutting down");
      }
      try (var settle = delivery.trace().stage("settle")) {
        realiser.realise(delivery, outcome);
      }
      delivery.trace().end(outcome, delivery.policyRevision());
      log.info("Job {} ended {} {}", delivery.jobId().orElse("-"), kind(outcome),
          outcome.causeIfAny().map(Enum::name).orElse(""));
      heartbeat();
    } finally {
      MDC.remove("message_id");
      MDC.remove("job_id");
      MDC.remove("trace_id");
    }
  }

  /** Caller holds the lock. */
  private void releaseUnstarted() {
    if (unstarted.isEmpty()) {
      return;
    }
    Map<QueueRef, List<ReceiptHandle>> byQueue = new LinkedHashMap<>();
    for (Pending p : unstarted) {
      leases.letGo(p.lease());
      byQueue.computeIfAbsent(p.message().queue(), q -> new ArrayList<>()).add(p.message().receiptHandle());
    }
    unstarted.clear();
    byQueue.forEach((q, handles) -> {
      var result = queue.release(q, handles);
      log.info("Released {} unstarted message(s) on {} ({} failed)", handles.size(), q,
          result.failed().size());
    });
  }

  private static String kind(JobOutcome outcome) {
    return switch (outcome) {
      case JobOutcome.Succeeded s -> "Succeeded/" + s.how();
      case JobOutcome.Dropped d -> "Dropped";
      case JobOutcome.Retried r -> "Retried";
    };
  }
}
