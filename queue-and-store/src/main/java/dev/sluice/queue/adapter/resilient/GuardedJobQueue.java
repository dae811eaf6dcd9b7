package dev.sluice.queue.adapter.resilient;

import dev.sluice.queue.port.BatchResult;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A {@link JobQueue} whose every call goes through the SQS {@link DependencyGuard}. */
public final class GuardedJobQueue implements JobQueue {
  private final JobQueue delegate;
  private final DependencyGuard guard;

  public GuardedJobQueue(JobQueue delegate, DependencyGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public Result<List<ReceivedMessage>> receive(QueueRef queue, int max, Duration wait, Duration visibility) {
    return guard.call("ReceiveMessage", () -> delegate.receive(queue, max, wait, visibility));
  }

  @Override
  public Result<String> enqueue(QueueRef queue, String body, Map<String, String> attributes) {
    return guard.call("SendMessage", () -> delegate.enqueue(queue, body, attributes));
  }

  @Override
  public BatchResult ack(QueueRef queue, List<ReceiptHandle> handles) {
    return guard.call("DeleteMessageBatch", () -> delegate.ack(queue, handles),
        fault -> BatchResult.allFailed(handles, fault));
  }

  @Override
  public BatchResult extendVisibility(QueueRef queue, Map<ReceiptHandle, Duration> visibility) {
    return guard.call("ChangeMessageVisibilityBatch", () -> delegate.extendVisibility(queue, visibility),
        fault -> BatchResult.allFailed(visibility.keySet(), fault));
  }

  @Override
  public Result<String> deadLetter(QueueRef queue, DeadLetter letter) {
    return guard.call("SendMessage(dead letter)", () -> delegate.deadLetter(queue, letter));
  }
}
