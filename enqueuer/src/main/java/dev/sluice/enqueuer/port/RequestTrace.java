package dev.sluice.enqueuer.port;

import dev.sluice.queue.port.QueueRef;
import java.util.UUID;

/** The span of one request; its trace id is the one the client is given. */
public interface RequestTrace {

  /** 32 lowercase hex characters. */
  String traceId();

  /** Starts the span of publishing one job to {@code queue}, as a child of this request. */
  PublishTrace beginPublish(QueueRef queue, UUID jobId);

  /** Ends the span with the status the client got (an HTTP status, or 0 for a command). */
  void end(int status);
}
