package dev.sluice.worker.app;

import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.queue.port.QueueRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The worker's settings, validated once at boot: a bad value fails with the key's name and what
 * was expected, so a misconfigured pod dies at start instead of misbehaving later.
 *
 * @param queues the queues to poll, highest priority first
 * @param priorityWeights how often each queue is asked first (see {@link PriorityPoller})
 * @param loops receive-process loops per process
 * @param maxAttempts deliveries before a retried job is dead-lettered
 * @param visibilityTimeout the window a receive hides a message for; the lease keeper's unit
 * @param leaseMargin extend a lease when this little of its window is left
 * @param backoffBase first retry delay; doubles per attempt
 * @param backoffCap longest retry delay
 * @param longPoll the longest a receive waits for messages (SQS: at most 20 s)
 * @param ackFlushInterval the longest an ack waits to be batched
 * @param heartbeatInterval how often leases and acks are looked after between progress reports
 * @param workDir where per-job temporary files go
 * @param resourceClass which presets this worker may run
 * @param receiveBatch messages per receive (1..10); 1 suits long jobs, where a held batch would
 *     inflate the in-flight count an autoscaler sees
 */
public record WorkerSettings(
    List<QueueRef> queues,
    List<Integer> priorityWeights,
    int loops,
    int maxAttempts,
    Duration visibilityTimeout,
    Duration leaseMargin,
    Duration backoffBase,
    Duration backoffCap,
    Duration longPoll,
    Duration ackFlushInterval,
    Duration heartbeatInterval,
    Path workDir,
    ResourceClass resourceClass,
    int receiveBatch) {

  /** Settings with full batches of 10. */
  public WorkerSettings(List<QueueRef> queues, List<Integer> priorityWeights, int loops, int maxAttempts,
      Duration visibilityTimeout, Duration leaseMargin, Duration backoffBase, Duration backoffCap,
      Duration longPoll, Duration ackFlushInterval, Duration heartbeatInterval, Path workDir,
      ResourceClass resourceClass) {
    this(queues, priorityWeights, loops, maxAttempts, visibilityTimeout, leaseMargin, backoffBase, backoffCap,
        longPoll, ackFlushInterval, heartbeatInterval, workDir, resourceClass, 10);
  }

  public WorkerSettings {
    queues = List.copyOf(queues);
    priorityWeights = List.copyOf(priorityWeights);
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(resourceClass, "resourceClass");
    require(!queues.isEmpty(), "queues", "at least one queue");
    require(priorityWeights.size() == queues.size() && priorityWeights.stream().allMatch(w -> w > 0),
        "priorityWeights", "one positive weight per queue");
    require(loops >= 1 && loops <= 64, "loops", "1..64");
    require(maxAttempts >= 1 && maxAttempts <= 1000, "maxAttempts", "1..1000");
    require(between(visibilityTimeout, Duration.ofSeconds(1), Duration.ofHours(12)),
        "visibilityTimeout", "1s..12h (the SQS limits)");
    require(leaseMargin.isPositive() && leaseMargin.compareTo(visibilityTimeout) < 0,
        "leaseMargin", "positive and shorter than visibilityTimeout");
    require(heartbeatInterval.isPositive() && heartbeatInterval.compareTo(leaseMargin) < 0,
        "heartbeatInterval", "positive and shorter than leaseMargin, so no lease lapses between beats");
    require(backoffBase.isPositive() && backoffBase.compareTo(backoffCap) <= 0,
        "backoffBase", "positive and not above backoffCap");
    require(backoffCap.compareTo(Duration.ofHours(12)) <= 0, "backoffCap", "at most 12h (the SQS limit)");
    require(between(longPoll, Duration.ZERO, Duration.ofSeconds(20)), "longPoll", "0..20s");
    require(ackFlushInterval.isPositive(), "ackFlushInterval", "positive");
    require(receiveBatch >= 1 && receiveBatch <= 10, "receiveBatch", "1..10 (the SQS limit)");
  }

  /** Defaults suited to short jobs; override per deployment. */
  public static WorkerSettings defaults(List<QueueRef> queues, Path workDir) {
    List<Integer> weights = queues.size() == 3 ? List.of(6, 3, 1)
        : queues.stream().map(q -> 1).toList();
    return new WorkerSettings(queues, weights, 2, 5, Duration.ofSeconds(60), Duration.ofSeconds(20),
        Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofSeconds(20), Duration.ofSeconds(1),
        Duration.ofSeconds(2), workDir, ResourceClass.CPU);
  }

  private static boolean between(Duration d, Duration min, Duration max) {
    return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
  }

  private static void require(boolean ok, String key, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("setting '" + key + "' is invalid: expected " + expected);
    }
  }
}
