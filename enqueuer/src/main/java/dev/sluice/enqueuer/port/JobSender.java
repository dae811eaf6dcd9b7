package dev.sluice.enqueuer.port;

import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.Result;
import java.util.List;

/**
 * Sends job messages to a queue, many at a time. It is the enqueuer's own port rather than
 * {@code JobQueue.enqueue} because a batch request becomes SQS SendMessageBatch calls of ten,
 * which fail entry by entry; the answer therefore has one result per message, never an exception.
 */
public interface JobSender {

  /** One result per message, in order: the queue's message id, or the fault that stopped it. */
  List<Result<String>> send(QueueRef queue, List<OutgoingMessage> messages);
}
