package dev.sluice.worker.app;

import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One receive-process-settle loop. It takes a batch of up to 10, puts every message under the
 * lease keeper at once, and runs the jobs one at a time, settling each as soon as it ends. On stop
 * it finishes the job in flight, releases the messages it had not started and flushes its acks.
 * A worker process runs several of these on virtual threads.
 */
public final class WorkerLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);

  private final PriorityPoller poller;
  private final LeaseKeeper leases;
  private final AckBuffer acks;
  private final OutcomeRealiser realiser;
  private final JobPipeline pipeline;
  private final JobQueue queue;
  private final JobTelemetry telemetry;
  private volatile boolean stopRequested;
  private volatile boolean abandonInFlight;

  public WorkerLoop(PriorityPoller poller, LeaseKeeper leases, AckBuffer acks,
      OutcomeRealiser realiser, JobPipeline pipeline, JobQueue queue, JobTelemetry telemetry) {
    this.poller = poller;
    this.leases = leases;
    this.acks = acks;
    this.realiser = realiser;
    this.pipeline = pipeline;
    this.queue = queue;
    this.telemetry = telemetry;
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
    List<ReceivedMessage> batch = poller.poll();
    if (batch.isEmpty()) {
      return 0;
    }
    List<Lease> held = leases.holdAll(batch);
    int ran = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (stopRequested) {
        releaseUnstarted(batch.subList(i, batch.size()), held.subList(i, held.size()));
        break;
      }
      runJob(batch.get(i), held.get(i));
      ran++;
    }
    acks.flush();
    return ran;
  }

  /** Called often (by the job's progress and by a ticker): keeps leases and acks moving. */
  public void heartbeat() {
    leases.tick();
    acks.flushIfDue();
  }

  /** Stops taking new work; the job in flight finishes unless {@link #abandonInFlight()} follows. */
  public void stop() {
    stopRequested = true;
  }

  /** Asks the job in flight to give up (its transcoder is cancelled and the message released). */
  public void abandonInFlight() {
    abandonInFlight = true;
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
    }
  }

  private void releaseUnstarted(List<ReceivedMessage> unstarted, List<Lease> unstartedLeases) {
    unstartedLeases.forEach(leases::letGo);
    Map<QueueRef, List<ReceiptHandle>> byQueue = new LinkedHashMap<>();
    unstarted.forEach(m -> byQueue.computeIfAbsent(m.queue(), q -> new ArrayList<>()).add(m.receiptHandle()));
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
