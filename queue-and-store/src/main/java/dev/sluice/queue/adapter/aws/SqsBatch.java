package dev.sluice.queue.adapter.aws;

import dev.sluice.queue.port.BatchResult;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.ReceiptHandle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;

/**
 * Runs an SQS batch API over any number of receipt handles: chunks of ten (the SQS limit), entry
 * ids by position in the chunk, and an answer for every handle. SQS fails batch entries one by
 * one, so one stale handle never hides the success of the others; a chunk whose whole call fails
 * fails all its entries with the classified fault, and no exception leaves.
 */
final class SqsBatch {
  /** SQS accepts at most this many entries in one batch call. */
  static final int MAX_ENTRIES = 10;

  /** What one batch call answered: ids of the entries that succeeded, and the failed entries. */
  record Reply(List<String> succeededIds, List<BatchResultErrorEntry> failed) {}

  private SqsBatch() {}

  /**
   * Calls {@code call} once per chunk of at most ten distinct handles; the call sends entry
   * {@code i} of the chunk with id {@code String.valueOf(i)}.
   */
  static BatchResult run(String operation, List<ReceiptHandle> handles,
      Function<List<ReceiptHandle>, Reply> call) {
    List<ReceiptHandle> distinct = List.copyOf(new LinkedHashSet<>(handles));
    Set<ReceiptHandle> succeeded = new HashSet<>();
    Map<ReceiptHandle, Fault> failed = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += MAX_ENTRIES) {
      List<ReceiptHandle> chunk = distinct.subList(from, Math.min(from + MAX_ENTRIES, distinct.size()));
      try {
        record(operation, chunk, call.apply(chunk), succeeded, failed);
      } catch (SdkException e) {
        Fault fault = AwsFaults.classify(operation, e);
        chunk.forEach(h -> failed.put(h, fault));
      }
    }
    return new BatchResult(succeeded, failed);
  }

  private static void record(String operation, List<ReceiptHandle> chunk, Reply reply,
      Set<ReceiptHandle> succeeded, Map<ReceiptHandle, Fault> failed) {
    reply.succeededIds().forEach(id -> entry(chunk, id).ifPresent(succeeded::add));
    for (BatchResultErrorEntry e : reply.failed()) {
      boolean sender = e.senderFault() == null || e.senderFault();
      Fault fault = AwsFaults.classifyEntry(operation, e.code(), e.message(), sender);
      entry(chunk, e.id()).ifPresent(h -> failed.put(h, fault));
    }
    Fault unanswered = new Fault(FaultKind.SERVER_ERROR, operation + ": SQS gave no result for this entry");
    for (ReceiptHandle h : chunk) {
      if (!succeeded.contains(h) && !failed.containsKey(h)) {
        failed.put(h, unanswered);
      }
    }
  }

  private static Optional<ReceiptHandle> entry(List<ReceiptHandle> chunk, String id) {
    try {
      int i = Integer.parseInt(id);
      return i >= 0 && i < chunk.size() ? Optional.of(chunk.get(i)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
