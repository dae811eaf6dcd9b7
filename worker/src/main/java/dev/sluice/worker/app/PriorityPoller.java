package dev.sluice.worker.app;

import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses which queue the next batch comes from when a worker serves several priorities.
 *
 * <p>The rule: every poll cycle asks the queues one after another and takes the first non-empty
 * batch. Which queue is asked first follows a smooth weighted round robin over the configured
 * weights (default high 6, normal 3, low 1); after the first, the rest are asked in priority order.
 * So when all queues have work, out of every 10 batches at least 6 come from high, 3 from normal
 * and 1 from low — lower priorities slow down but never starve — and when the higher queues are
 * empty the lower ones get every batch. Polls are short (no wait) while work was found in the last
 * cycle; after an empty cycle each queue is long-polled for its share of the long-poll time.
 */
public final class PriorityPoller {
  private static final Logger log = LoggerFactory.getLogger(PriorityPoller.class);

  private final JobQueue queue;
  private final List<QueueRef> queues;
  private final int[] weights;
  private final int[] current;
  private final Duration longPoll;
  private final Duration visibility;
  private final Sleeper sleeper;
  private final Duration pauseAfterFaults;
  private final int batch;
  private boolean lastCycleEmpty = true;
  private volatile boolean anyReceiveSucceeded;

  public PriorityPoller(JobQueue queue, List<QueueRef> queuesInPriorityOrder, List<Integer> weights,
      Duration longPoll, Duration visibility, Sleeper sleeper, Duration pauseAfterFaults) {
    this(queue, queuesInPriorityOrder, weights, longPoll, visibility, sleeper, pauseAfterFaults, 10);
  }

  public PriorityPoller(JobQueue queue, List<QueueRef> queuesInPriorityOrder, List<Integer> weights,
      Duration longPoll, Duration visibility, Sleeper sleeper, Duration pauseAfterFaults, int batch) {
    this.batch = batch;
    if (queuesInPriorityOrder.isEmpty() || queuesInPriorityOrder.size() != weights.size()) {
      throw new IllegalArgumentException("need one weight per queue, and at least one queue");
    }
    this.queue = queue;
    this.queues = List.copyOf(queuesInPriorityOrder);
    this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
    this.current = new int[this.weights.length];
    this.longPoll = longPoll;
    this.visibility = visibility;
    this.sleeper = sleeper;
    this.pauseAfterFaults = pauseAfterFaults;
  }

  /** One poll cycle: the first non-empty batch, or an empty list. */
  public List<ReceivedMessage> poll() throws InterruptedException {
    List<QueueRef> order = nextOrder();
    Duration wait = waitPerQueue();
    int faults = 0;
    for (QueueRef q : order) {
      switch (queue.receive(q, batch, wait, visibility)) {
        case Result.Ok<List<ReceivedMessage>> ok when !ok.value().isEmpty() -> {
          anyReceiveSucceeded = true;
          lastCycleEmpty = false;
          return ok.value();
        }
        case Result.Ok<List<ReceivedMessage>> empty -> anyReceiveSucceeded = true;
        case Result.Err<List<ReceivedMessage>> err -> {
          faults++;
          log.warn("Receive from {} failed: {}", q, err.fault());
        }
      }
    }
    lastCycleEmpty = true;
    if (faults == order.size()) {
      sleeper.sleep(pauseAfterFaults);
    }
    return List.of();
  }

  /** Whether any receive has answered (even empty) since this poller started. */
  public boolean anyReceiveSucceeded() {
    return anyReceiveSucceeded;
  }

  /** The order of the next cycle: the weighted pick first, then the others by priority. */
  List<QueueRef> nextOrder() {
    int total = 0;
    int best = 0;
    for (int i = 0; i < weights.length; i++) {
      current[i] += weights[i];
      total += weights[i];
      if (current[i] > current[best]) {
        best = i;
      }
    }
    current[best] -= total;
    List<QueueRef> order = new ArrayList<>(queues.size());
    order.add(queues.get(best));
    for (int i = 0; i < queues.size(); i++) {
      if (i != best) {
        order.add(queues.get(i));
      }
    }
    return order;
  }

  private Duration waitPerQueue() {
    if (queues.size() == 1) {
      return longPoll;
    }
    if (!lastCycleEmpty) {
      return Duration.ZERO;
    }
    long seconds = Math.max(1, (longPoll.toSeconds() + queues.size() - 1) / queues.size());
    return Duration.ofSeconds(Math.min(seconds, longPoll.toSeconds()));
  }
}
