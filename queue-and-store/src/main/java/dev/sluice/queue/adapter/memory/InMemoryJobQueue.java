package dev.sluice.queue.adapter.memory;

import dev.sluice.queue.port.BatchResult;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQS semantics in memory, driven by a {@link Clock}: a received message is invisible until its
 * visibility deadline, each receive raises its receive count and issues a new receipt handle (an
 * older one can no longer ack or extend it), and a queue with a redrive policy moves a message to
 * its dead-letter queue on the receive that would exceed {@code maxReceiveCount}. It is the model
 * the SQS adapter is held to by the same contract tests.
 */
public final class InMemoryJobQueue implements JobQueue {
  private static final Duration POLL_STEP = Duration.ofMillis(50);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, MemoryQueue> queues = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  public InMemoryJobQueue(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Creates a queue; with {@code deadLetterQueue} set, redrive after {@code maxReceiveCount}. */
  public QueueRef create(String name, QueueRef deadLetterQueue, int maxReceiveCount) {
    MemoryQueue dlq = deadLetterQueue == null ? null : queue(deadLetterQueue);
    queues.put(name, new MemoryQueue(name, dlq, maxReceiveCount));
    return new QueueRef(name, name);
  }

  public QueueRef create(String name) {
    return create(name, null, 0);
  }

  @Override
  public Result<List<ReceivedMessage>> receive(QueueRef q, int max, Duration wait, Duration visibility) {
    count("ReceiveMessage");
    MemoryQueue queue = queues.get(q.id());
    if (queue == null) {
      return Result.err(FaultKind.NOT_FOUND, "no queue named " + q.id());
    }
    Instant deadline = clock.now().plus(wait);
    while (true) {
      List<ReceivedMessage> got = queue.receive(q, Math.min(max, 10), visibility, clock.now());
      if (!got.isEmpty() || !clock.now().isBefore(deadline)) {
        return Result.ok(got);
      }
      try {
        sleeper.sleep(POLL_STEP);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.ok(List.of());
      }
    }
  }

  @Override
  public Result<String> enqueue(QueueRef q, String body, Map<String, String> attributes) {
    count("SendMessage");
    MemoryQueue queue = queues.get(q.id());
    if (queue == null) {
      return Result.err(FaultKind.NOT_FOUND, "no queue named " + q.id());
    }
    return Result.ok(queue.send(body, attributes, clock.now()));
  }

  @Override
  public BatchResult ack(QueueRef q, List<ReceiptHandle> handles) {
    count("DeleteMessageBatch");
    return perEntry(q, handles, (queue, h) -> queue.delete(h));
  }

  @Override
  public BatchResult extendVisibility(QueueRef q, Map<ReceiptHandle, Duration> visibility) {
    count("ChangeMessageVisibilityBatch");
    Instant now = clock.now();
    return perEntry(q, List.copyOf(visibility.keySet()),
        (queue, h) -> queue.changeVisibility(h, now, visibility.get(h)));
  }

  @Override
  public Result<String> deadLetter(QueueRef q, DeadLetter letter) {
    count("SendMessage");
    MemoryQueue queue = queues.get(q.id());
    if (queue == null || queue.deadLetterQueue() == null) {
      return Result.err(FaultKind.NOT_FOUND, "queue " + q.id() + " has no dead-letter queue");
    }
    return Result.ok(queue.deadLetterQueue().send(letter.rawBody(), letter.attributes(q), clock.now()));
  }

  /** Every message of a queue, visible or not (for assertions). */
  public List<StoredMessage> contents(QueueRef q) {
    return queue(q).snapshot();
  }

  /** How many requests of each SQS operation this queue has served. */
  public Map<String, Long> requestCounts() {
    Map<String, Long> out = new HashMap<>();
    requests.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private MemoryQueue queue(QueueRef q) {
    MemoryQueue queue = queues.get(q.id());
    if (queue == null) {
      throw new IllegalArgumentException("no queue named " + q.id());
    }
    return queue;
  }

  private BatchResult perEntry(QueueRef q, List<ReceiptHandle> handles,
      java.util.function.BiFunction<MemoryQueue, ReceiptHandle, Fault> op) {
    MemoryQueue queue = queues.get(q.id());
    if (queue == null) {
      return BatchResult.allFailed(handles, new Fault(FaultKind.NOT_FOUND, "no queue named " + q.id()));
    }
    var ok = new HashSet<ReceiptHandle>();
    var failed = new HashMap<ReceiptHandle, Fault>();
    for (ReceiptHandle h : handles) {
      Fault fault = op.apply(queue, h);
      if (fault == null) {
        ok.add(h);
      } else {
        failed.put(h, fault);
      }
    }
    return new BatchResult(ok, failed);
  }

  private void count(String op) {
    requests.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
  }

  /** Lists names of all queues (for tests and the demo). */
  public List<String> names() {
    return new ArrayList<>(queues.keySet());
  }
}
