package dev.sluice.localstack.demo;

import java.util.Optional;

/**
 * One message the demo sends and the outcome it expects, e.g. "Succeeded" or "Dropped/TAMPERED".
 *
 * @param label what the job demonstrates
 * @param jobId the contract job id, or empty for a body that has none (malformed)
 * @param variant the preset, or "-"
 * @param body the message body
 * @param expected the expected outcome, as "Kind" or "Kind/CAUSE"
 * @param answeredByEnqueuer what the enqueuer answered when it settled the request itself
 */
record DemoJob(String label, Optional<String> jobId, String variant, String body, String expected,
    Optional<String> answeredByEnqueuer) {

  DemoJob(String label, Optional<String> jobId, String variant, String body, String expected) {
    this(label, jobId, variant, body, expected, Optional.empty());
  }

  /** A request the enqueuer settled itself (refused or deduplicated): no worker outcome follows. */
  static DemoJob answered(String label, Optional<String> jobId, String variant, String answer, String expected) {
    return new DemoJob(label, jobId, variant, "", expected, Optional.of(answer));
  }

  boolean reachesWorker() {
    return answeredByEnqueuer.isEmpty();
  }
}
