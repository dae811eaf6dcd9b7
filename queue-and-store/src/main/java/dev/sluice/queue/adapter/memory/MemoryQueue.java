package dev.sluice.queue.adapter.memory;

import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One queue's messages and their visibility state; all access is synchronized on the queue. */
final class MemoryQueue {

  /** A stored message; mutable state is guarded by the owning queue. */
  private static final class Stored {
    final String id;
    final String body;
    final Map<String, String> attributes;
    int receiveCount;
    Instant visibleAt;
    String handle;

    Stored(String id, String body, Map<String, String> attributes, Instant visibleAt) {
      this.id = id;
      this.body = body;
      this.attributes = Map.copyOf(attributes);
      this.visibleAt = visibleAt;
    }
  }

  private final String name;
  private final MemoryQueue deadLetterQueue;
  private final int maxReceiveCount;
  private final Map<String, Stored> messages = new LinkedHashMap<>();

  MemoryQueue(String name, MemoryQueue deadLetterQueue, int maxReceiveCount) {
    this.name = name;
    this.deadLetterQueue = deadLetterQueue;
    this.maxReceiveCount = maxReceiveCount;
  }

  MemoryQueue deadLetterQueue() {
    return deadLetterQueue;
  }

  synchronized String send(String body, Map<String, String> attributes, Instant now) {
    String id = UUID.randomUUID().toString();
    messages.put(id, new Stored(id, body, attributes, now));
    return id;
  }

  synchronized List<ReceivedMessage> receive(QueueRef ref, int max, Duration visibility, Instant now) {
    List<ReceivedMessage> out = new ArrayList<>();
    Iterator<Stored> it = messages.values().iterator();
    while (it.hasNext() && out.size() < max) {
      Stored s = it.next();
      if (s.visibleAt.isAfter(now)) {
        continue;
      }
      if (deadLetterQueue != null && s.receiveCount >= maxReceiveCount) {
        it.remove();
        deadLetterQueue.redrive(s, now);
        continue;
      }
      s.receiveCount++;
      s.handle = s.id + ":" + UUID.randomUUID();
      s.visibleAt = now.plus(visibility);
      out.add(new ReceivedMessage(ref, s.id, new ReceiptHandle(s.handle), s.body, s.receiveCount,
          s.attributes, now));
    }
    return out;
  }

  private synchronized void redrive(Stored s, Instant now) {
    Stored moved = new Stored(s.id, s.body, s.attributes, now);
    messages.put(moved.id, moved);
  }

  /** Deleting an already-deleted message succeeds, as in SQS; a stale handle does not. */
  synchronized Fault delete(ReceiptHandle h) {
    Stored s = messages.get(idOf(h));
    if (s == null) {
      return null;
    }
    if (!h.value().equals(s.handle)) {
      return new Fault(FaultKind.LEASE_LOST, "receipt handle is stale: the message was received again");
    }
    messages.remove(s.id);
    return null;
  }

  synchronized Fault changeVisibility(ReceiptHandle h, Instant now, Duration visibility) {
    Stored s = messages.get(idOf(h));
    if (s == null || !h.value().equals(s.handle)) {
      return new Fault(FaultKind.LEASE_LOST, "receipt handle is not valid for " + name);
    }
    if (!s.visibleAt.isAfter(now)) {
      return new Fault(FaultKind.LEASE_LOST, "message is not in flight: its visibility had lapsed");
    }
    s.visibleAt = now.plus(visibility);
    return null;
  }

  synchronized List<StoredMessage> snapshot() {
    return messages.values().stream()
        .map(s -> new StoredMessage(s.id, s.body, s.attributes, s.receiveCount, s.visibleAt))
        .toList();
  }

  private static String idOf(ReceiptHandle h) {
    int colon = h.value().indexOf(':');
    return colon < 0 ? h.value() : h.value().substring(0, colon);
  }
}
