package dev.sluice.queue.port;

import java.util.Map;
import java.util.Optional;

/**
 * What Sluice records in the dead-letter queue for a job it gives up on: the raw body as received
 * plus why, so nothing vanishes and the record can be replayed after a fix.
 *
 * @param rawBody the message body exactly as it was received
 * @param cause the bounded cause name (a {@code JobOutcome.Cause})
 * @param reason a full sentence
 * @param attempts how many times the message had been received
 * @param jobTraceId the trace id of the worker's job span, when known
 * @param producerTraceId the trace id from the message's {@code traceparent}, when present
 * @param jobId the contract job id, when the body could be decoded
 */
public record DeadLetter(
    String rawBody,
    String cause,
    String reason,
    int attempts,
    Optional<String> jobTraceId,
    Optional<String> producerTraceId,
    Optional<String> jobId) {

  /** Message attribute names used on the DLQ message. */
  public static final String ATTR_CAUSE = "sluice-cause";
  public static final String ATTR_REASON = "sluice-reason";
  public static final String ATTR_ATTEMPTS = "sluice-attempts";
  public static final String ATTR_TRACE_ID = "sluice-trace-id";
  public static final String ATTR_PRODUCER_TRACE_ID = "sluice-producer-trace-id";
  public static final String ATTR_JOB_ID = "sluice-job-id";
  public static final String ATTR_SOURCE_QUEUE = "sluice-source-queue";

  /** The attributes an adapter puts on the DLQ message (SQS allows at most 10). */
  public Map<String, String> attributes(QueueRef from) {
    var attrs = new java.util.LinkedHashMap<String, String>();
    attrs.put(ATTR_CAUSE, cause);
    attrs.put(ATTR_REASON, reason.length() > 1024 ? reason.substring(0, 1024) : reason);
    attrs.put(ATTR_ATTEMPTS, Integer.toString(attempts));
    attrs.put(ATTR_SOURCE_QUEUE, from.label());
    jobTraceId.ifPresent(t -> attrs.put(ATTR_TRACE_ID, t));
    producerTraceId.ifPresent(t -> attrs.put(ATTR_PRODUCER_TRACE_ID, t));
    jobId.ifPresent(j -> attrs.put(ATTR_JOB_ID, j));
    return attrs;
  }
}
