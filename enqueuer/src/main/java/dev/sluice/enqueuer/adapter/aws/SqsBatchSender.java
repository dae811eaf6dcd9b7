package dev.sluice.enqueuer.adapter.aws;

import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.port.OutgoingMessage;
import dev.sluice.queue.adapter.aws.AwsFaults;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends job messages with SQS SendMessageBatch, ten per call (the SQS limit). SQS accepts or
 * refuses each entry on its own, so each message gets its own result; a call that fails whole
 * fails its ten entries with the classified fault. Entry ids are positions in the call, and an
 * entry SQS does not mention is a failure, never assumed sent.
 */
public final class SqsBatchSender implements JobSender {
  static final int MAX_ENTRIES = 10;

  private final SqsClient sqs;

  public SqsBatchSender(SqsClient sqs) {
    this.sqs = sqs;
  }

  @Override
  public List<Result<String>> send(QueueRef queue, List<OutgoingMessage> messages) {
    List<Result<String>> out = new ArrayList<>(messages.size());
    for (int from = 0; from < messages.size(); from += MAX_ENTRIES) {
      out.addAll(sendChunk(queue, messages.subList(from, Math.min(from + MAX_ENTRIES, messages.size()))));
    }
    return out;
  }

  private List<Result<String>> sendChunk(QueueRef queue, List<OutgoingMessage> chunk) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
          .messageBody(chunk.get(i).body()).messageAttributes(attributes(chunk.get(i))).build());
    }
    try {
      return results(chunk.size(), sqs.sendMessageBatch(b -> b.queueUrl(queue.id()).entries(entries)));
    } catch (SdkException e) {
      Fault fault = AwsFaults.classify("SendMessageBatch to " + queue, e);
      List<Result<String>> failed = new ArrayList<>(chunk.size());
      chunk.forEach(m -> failed.add(Result.err(fault)));
      return failed;
    }
  }

  private static List<Result<String>> results(int size, SendMessageBatchResponse reply) {
    Map<String, Result<String>> byId = new HashMap<>();
    reply.successful().forEach(s -> byId.put(s.id(), Result.ok(s.messageId())));
    for (BatchResultErrorEntry e : reply.failed()) {
      boolean sender = e.senderFault() == null || e.senderFault();
      byId.put(e.id(), Result.err(AwsFaults.classifyEntry("SendMessageBatch", e.code(), e.message(), sender)));
    }
    List<Result<String>> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(byId.getOrDefault(Integer.toString(i), Result.err(FaultKind.SERVER_ERROR,
          "SendMessageBatch: SQS gave no result for this entry")));
    }
    return out;
  }

  /** String attributes; SQS refuses empty values, so none are sent. */
  private static Map<String, MessageAttributeValue> attributes(OutgoingMessage message) {
    Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
    message.attributes().forEach((name, value) -> {
      if (!name.isEmpty() && !value.isEmpty()) {
        out.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
      }
    });
    return out;
  }
}
