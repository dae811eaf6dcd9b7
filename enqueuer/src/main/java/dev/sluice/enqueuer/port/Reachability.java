package dev.sluice.enqueuer.port;

import java.util.List;

/**
 * Whether the queues and buckets the enqueuer depends on answer now, for the readiness probe: a
 * pod that cannot reach them should be taken out of the load balancer rather than answer 503s.
 */
public interface Reachability {

  /** One sentence per dependency that did not answer; empty when all did. */
  List<String> problems();
}
