package dev.sluice.worker.app;

import dev.sluice.worker.domain.Backoff;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds a {@link WorkerLoop} with its own poller, lease keeper and ack buffer: loops share the
 * stateless pipeline and the adapters, but no per-batch state.
 */
public final class LoopFactory {
  private final WorkerSettings settings;
  private final JobQueue queue;
  private final JobPipeline pipeline;
  private final JobTelemetry telemetry;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReceiveGate gate;
  private final AssetRedaction redaction;

  public LoopFactory(WorkerSettings settings, JobQueue queue, JobPipeline pipeline,
      JobTelemetry telemetry, Clock clock, Sleeper sleeper) {
    this(settings, queue, pipeline, telemetry, clock, sleeper, ReceiveGate.alwaysOpen());
  }

  public LoopFactory(WorkerSettings settings, JobQueue queue, JobPipeline pipeline,
      JobTelemetry telemetry, Clock clock, Sleeper sleeper, ReceiveGate gate) {
    this(settings, queue, pipeline, telemetry, clock, sleeper, gate, new AssetRedaction(false));
  }

  public LoopFactory(WorkerSettings settings, JobQueue queue, JobPipeline pipeline,
      JobTelemetry telemetry, Clock clock, Sleeper sleeper, ReceiveGate gate, AssetRedaction redaction) {
    this.gate = gate;
    this.redaction = redaction;
    this.settings = settings;
    this.queue = queue;
    this.pipeline = pipeline;
    this.telemetry = telemetry;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public WorkerLoop newLoop() {
    var poller = new PriorityPoller(queue, settings.queues(), settings.priorityWeights(),
        settings.longPoll(), settings.visibilityTimeout(), sleeper, Duration.ofSeconds(1), settings.receiveBatch());
    var leases = new LeaseKeeper(queue, clock, telemetry, settings.visibilityTimeout(), settings.leaseMargin());
    var acks = new AckBuffer(queue, clock, settings.ackFlushInterval());
    var backoff = new Backoff(settings.backoffBase(), settings.backoffCap(),
        () -> ThreadLocalRandom.current().nextDouble());
    var realiser = new OutcomeRealiser(queue, acks, leases, telemetry, backoff, settings.maxAttempts(), redaction);
    return new WorkerLoop(poller, leases, acks, realiser, pipeline, queue, telemetry, gate, sleeper,
        new LoopHealth(clock));
  }
}
