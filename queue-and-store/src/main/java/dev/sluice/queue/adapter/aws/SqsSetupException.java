package dev.sluice.queue.adapter.aws;

/**
 * The SQS boot check failed: a queue is missing, has no dead-letter queue, the credentials were
 * rejected or the endpoint cannot be reached. The message names the queue URL and what to do, and
 * never carries credentials; the worker stops with it instead of polling into the void.
 */
public final class SqsSetupException extends IllegalStateException {
  public SqsSetupException(String message) {
    super(message);
  }

  public SqsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
