package dev.sluice.queue.adapter.aws;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The {@link JobQueue} port on Amazon SQS, through the synchronous SDK v2 client: the only class
 * that calls SQS for jobs. Every SDK exception is caught here and returned as a classified
 * {@link Fault}, batch calls answer per entry, and the dead-letter queue of each work queue is the
 * one its redrive policy names, found once by {@link #connect}, so Sluice's own dead letters and
 * SQS's redrive land in the same place.
 */
public final class SqsJobQueue implements JobQueue {
  private static final Logger log = LoggerFactory.getLogger(SqsJobQueue.class);
  private static final int SHORT_REASON = 256;
  private static final Pattern TOO_LARGE =
      Pattern.compile("(?i)shorter than|too long|too large|maximum (message )?size|exceeds? .*size");

  private final SqsClient sqs;
  private final Clock clock;
  private final Map<String, SqsQueueFacts> facts;

  /** An adapter for queues already checked; {@link #connect} is the usual way to get one. */
  public SqsJobQueue(SqsClient sqs, Clock clock, Collection<SqsQueueFacts> queues) {
    this.sqs = sqs;
    this.clock = clock;
    Map<String, SqsQueueFacts> byUrl = new LinkedHashMap<>();
    queues.forEach(q -> byUrl.put(q.queue().id(), q));
    this.facts = Collections.unmodifiableMap(byUrl);
  }

  /**
   * The boot check: reads each queue's ARN, visibility timeout and redrive policy and finds its
   * dead-letter queue. Throws {@link SqsSetupException} naming the queue and the fix when a queue is
   * missing or has no redrive policy, the credentials are rejected or SQS cannot be reached.
   */
  public static SqsJobQueue connect(SqsClient sqs, Clock clock, List<String> queueUrls) {
    if (queueUrls.isEmpty()) {
      throw new SqsSetupException("no SQS queue URLs given: set SLUICE_QUEUES");
    }
    SqsBootCheck check = new SqsBootCheck(sqs);
    return new SqsJobQueue(sqs, clock, queueUrls.stream().distinct().map(check::check).toList());
  }

  /** The checked queue (or dead-letter queue) with this URL; any other URL gets its last path segment as label. */
  public QueueRef ref(String url) {
    for (SqsQueueFacts q : facts.values()) {
      if (q.queue().id().equals(url)) {
        return q.queue();
      }
      if (q.deadLetterQueue().id().equals(url)) {
        return q.deadLetterQueue();
      }
    }
    return QueueRef.of(url);
  }

  /** What the boot check found about each work queue, in the order given to {@link #connect}. */
  public Map<QueueRef, SqsQueueFacts> facts() {
    Map<QueueRef, SqsQueueFacts> out = new LinkedHashMap<>();
    facts.values().forEach(q -> out.put(q.queue(), q));
    return out;
  }

  /** The approximate backlog of a queue, for metrics. */
  public Result<SqsQueueDepth> depth(QueueRef queue) {
    try {
      return Result.ok(SqsQueueDepth.of(sqs.getQueueAttributes(b -> b.queueUrl(queue.id()).attributeNames(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()));
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("GetQueueAttributes", e));
    }
  }

  @Override
  public Result<List<ReceivedMessage>> receive(QueueRef queue, int max, Duration wait, Duration visibility) {
    Instant receivedAt = clock.now(); // before the call: the lease is never thought longer than it is
    try {
      var messages = sqs.receiveMessage(b -> b.queueUrl(queue.id())
          .maxNumberOfMessages(Math.max(1, Math.min(max, SqsBatch.MAX_ENTRIES)))
          .waitTimeSeconds(SqsMessages.waitSeconds(wait))
          .visibilityTimeout(SqsMessages.visibilitySeconds(visibility))
          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
          .messageAttributeNames("All")).messages();
      List<ReceivedMessage> out = new ArrayList<>(messages.size());
      messages.forEach(m -> out.add(SqsMessages.incoming(queue, m, receivedAt)));
      return Result.ok(out);
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("ReceiveMessage", e));
    }
  }

  @Override
  public Result<String> enqueue(QueueRef queue, String body, Map<String, String> attributes) {
    return send("SendMessage", queue, body, attributes);
  }

  @Override
  public BatchResult ack(QueueRef queue, List<ReceiptHandle> handles) {
    return SqsBatch.run("DeleteMessageBatch", handles, chunk -> {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(DeleteMessageBatchRequestEntry.builder()
            .id(Integer.toString(i)).receiptHandle(chunk.get(i).value()).build());
      }
      var reply = sqs.deleteMessageBatch(b -> b.queueUrl(queue.id()).entries(entries));
      return new SqsBatch.Reply(reply.successful().stream().map(e -> e.id()).toList(), reply.failed());
    });
  }

  @Override
  public BatchResult extendVisibility(QueueRef queue, Map<ReceiptHandle, Duration> visibility) {
    return SqsBatch.run("ChangeMessageVisibilityBatch", List.copyOf(visibility.keySet()), chunk -> {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
            .receiptHandle(chunk.get(i).value())
            .visibilityTimeout(SqsMessages.visibilitySeconds(visibility.get(chunk.get(i)))).build());
      }
      var reply = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queue.id()).entries(entries));
      return new SqsBatch.Reply(reply.successful().stream().map(e -> e.id()).toList(), reply.failed());
    });
  }

  /**
   * Sends the raw body to the queue's dead-letter queue with the reason as attributes. The body
   * came from SQS so it fits; if the attributes push it over the size limit, the send is repeated
   * once with the reason cut to 256 characters rather than losing the record.
   */
  @Override
  public Result<String> deadLetter(QueueRef queue, DeadLetter letter) {
    SqsQueueFacts q = facts.get(queue.id());
    if (q == null) {
      return Result.err(FaultKind.NOT_FOUND, "queue " + queue.id() + " was not checked by connect, so its "
          + "dead-letter queue is unknown");
    }
    String operation = "SendMessage(dead letter)";
    Result<String> sent = send(operation, q.deadLetterQueue(), letter.rawBody(), letter.attributes(queue));
    if (!(sent instanceof Result.Err<String> err && tooLarge(err.fault()))
        || letter.reason().length() <= SHORT_REASON) {
      return sent;
    }
    log.warn("dead letter for {} too large ({}); sending again with the reason cut to {} characters",
        queue, err.fault(), SHORT_REASON);
    DeadLetter shorter = new DeadLetter(letter.rawBody(), letter.cause(),
        letter.reason().substring(0, SHORT_REASON), letter.attempts(), letter.jobTraceId(),
        letter.producerTraceId(), letter.jobId());
    return send(operation, q.deadLetterQueue(), shorter.rawBody(), shorter.attributes(queue));
  }

  private Result<String> send(String operation, QueueRef queue, String body, Map<String, String> attributes) {
    Map<String, MessageAttributeValue> sqsAttributes = SqsMessages.outgoing(attributes);
    if (sqsAttributes.size() > SqsMessages.MAX_ATTRIBUTES) {
      return Result.err(FaultKind.REJECTED, operation + " refused before sending: SQS allows at most "
          + SqsMessages.MAX_ATTRIBUTES + " message attributes, got " + sqsAttributes.keySet());
    }
    try {
      return Result.ok(sqs.sendMessage(b -> b.queueUrl(queue.id()).messageBody(body)
          .messageAttributes(sqsAttributes)).messageId());
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify(operation, e));
    }
  }

  private static boolean tooLarge(Fault fault) {
    return fault.kind() == FaultKind.REJECTED && TOO_LARGE.matcher(fault.detail()).find();
  }
}
