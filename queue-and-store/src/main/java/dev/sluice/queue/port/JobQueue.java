package dev.sluice.queue.port;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The queue as the worker and the enqueuer see it: five operations, each answering with values
 * or typed faults, never exceptions. Batch operations report per entry because SQS does.
 */
public interface JobQueue {

  /**
   * Receives up to {@code max} (at most 10) messages, waiting up to {@code wait} for the first,
   * and hides them for {@code visibility} from the moment of receipt.
   */
  Result<List<ReceivedMessage>> receive(QueueRef queue, int max, Duration wait, Duration visibility);

  /** Sends one message; answers the queue's message id. */
  Result<String> enqueue(QueueRef queue, String body, Map<String, String> attributes);

  /** Deletes delivered messages: the job is finished with them. */
  BatchResult ack(QueueRef queue, List<ReceiptHandle> handles);

  /** Sets each message's remaining invisibility, counted from now. */
  BatchResult extendVisibility(QueueRef queue, Map<ReceiptHandle, Duration> visibility);

  /** Makes messages visible again at once, for another receiver to take. */
  default BatchResult release(QueueRef queue, List<ReceiptHandle> handles) {
    var zero = new java.util.LinkedHashMap<ReceiptHandle, Duration>();
    handles.forEach(h -> zero.put(h, Duration.ZERO));
    return extendVisibility(queue, zero);
  }

  /** Records a message in the dead-letter queue paired with {@code queue}. Does not delete it. */
  Result<String> deadLetter(QueueRef queue, DeadLetter letter);
}
