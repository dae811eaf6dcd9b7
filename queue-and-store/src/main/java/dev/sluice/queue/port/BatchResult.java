package dev.sluice.queue.port;

import java.util.Map;
import java.util.Set;

/** Entry-by-entry result of a batch call: SQS batch APIs succeed and fail per entry. */
public record BatchResult(Set<ReceiptHandle> succeeded, Map<ReceiptHandle, Fault> failed) {
  public BatchResult {
    succeeded = Set.copyOf(succeeded);
    failed = Map.copyOf(failed);
  }

  public static BatchResult allFailed(Iterable<ReceiptHandle> handles, Fault fault) {
    var failed = new java.util.HashMap<ReceiptHandle, Fault>();
    handles.forEach(h -> failed.put(h, fault));
    return new BatchResult(Set.of(), failed);
  }
}
