package dev.sluice.enqueuer.app;

import dev.sluice.contract.domain.Priority;
import dev.sluice.queue.port.QueueRef;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which queue a job of each priority goes to. The normal queue is required; a priority without a
 * queue of its own shares the normal one, so a single-queue deployment accepts every priority and
 * the job body still says which was asked for.
 */
public final class QueueRoutes {
  private final Map<Priority, QueueRef> queues;

  public QueueRoutes(Map<Priority, QueueRef> queues) {
    if (!queues.containsKey(Priority.NORMAL)) {
      throw new IllegalArgumentException("a queue for priority normal is required");
    }
    this.queues = new EnumMap<>(queues);
  }

  public QueueRef forPriority(Priority priority) {
    return Optional.ofNullable(queues.get(priority)).orElse(queues.get(Priority.NORMAL));
  }

  /** Every distinct queue, for readiness checks. */
  public java.util.Collection<QueueRef> all() {
    return queues.values().stream().distinct().toList();
  }
}
