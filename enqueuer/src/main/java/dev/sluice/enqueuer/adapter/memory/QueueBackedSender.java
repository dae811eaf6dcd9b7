package dev.sluice.enqueuer.adapter.memory;

import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.port.OutgoingMessage;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JobSender} over any {@link JobQueue}, one enqueue per message: the in-memory queue in
 * unit tests, where batching buys nothing, with the same per-message results.
 */
public final class QueueBackedSender implements JobSender {
  private final JobQueue queue;

  public QueueBackedSender(JobQueue queue) {
    this.queue = queue;
  }

  @Override
  public List<Result<String>> send(QueueRef target, List<OutgoingMessage> messages) {
    List<Result<String>> out = new ArrayList<>(messages.size());
    messages.forEach(m -> out.add(queue.enqueue(target, m.body(), m.attributes())));
    return out;
  }
}
