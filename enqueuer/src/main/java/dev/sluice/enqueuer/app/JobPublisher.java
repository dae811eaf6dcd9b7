package dev.sluice.enqueuer.app;

import dev.sluice.contract.json.JobCodec;
import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.port.OutgoingMessage;
import dev.sluice.enqueuer.port.PublishTrace;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends planned jobs to the queue of their priority, all of one queue in one
 * {@link JobSender#send} call, each under its own publish span whose context rides on the message
 * as {@code traceparent}/{@code tracestate}. The body is the contract's canonical encoding, so the
 * worker decodes exactly what was checked here.
 */
final class JobPublisher {
  private static final Logger log = LoggerFactory.getLogger(JobPublisher.class);

  private final JobSender sender;
  private final QueueRoutes queues;
  private final JobCodec codec = new JobCodec();

  JobPublisher(JobSender sender, QueueRoutes queues) {
    this.sender = sender;
    this.queues = queues;
  }

  /** The result of each send (the message id, or the fault), by job id. */
  Map<UUID, Result<String>> publish(List<PlannedJob> jobs, RequestTrace trace) {
    Map<QueueRef, List<PlannedJob>> byQueue = new LinkedHashMap<>();
    jobs.forEach(j -> byQueue.computeIfAbsent(queues.forPriority(j.job().priority()),
        q -> new ArrayList<>()).add(j));
    Map<UUID, Result<String>> results = new HashMap<>();
    byQueue.forEach((queue, batch) -> results.putAll(send(queue, batch, trace)));
    return results;
  }

  private Map<UUID, Result<String>> send(QueueRef queue, List<PlannedJob> batch, RequestTrace trace) {
    List<PublishTrace> spans = new ArrayList<>(batch.size());
    List<OutgoingMessage> messages = new ArrayList<>(batch.size());
    for (PlannedJob planned : batch) {
      PublishTrace span = trace.beginPublish(queue, planned.job().jobId());
      spans.add(span);
      messages.add(new OutgoingMessage(codec.encode(planned.job()), span.messageAttributes()));
    }
    List<Result<String>> sent = sender.send(queue, messages);
    Map<UUID, Result<String>> results = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Result<String> result = sent.get(i);
      UUID jobId = batch.get(i).job().jobId();
      results.put(jobId, result);
      spans.get(i).end(result instanceof Result.Err<String> err
          ? Optional.of(err.fault().toString()) : Optional.empty());
      logSend(queue, batch.get(i), result);
    }
    return results;
  }

  private static void logSend(QueueRef queue, PlannedJob planned, Result<String> result) {
    switch (result) {
      case Result.Ok<String> ok -> log.info("Enqueued job {} ({} of asset {}) to {} as message {}",
          planned.job().jobId(), planned.job().variant(), planned.job().assetId(), queue, ok.value());
      case Result.Err<String> err -> log.warn("Could not enqueue job {} to {}: {}",
          planned.job().jobId(), queue, err.fault());
    }
  }
}
