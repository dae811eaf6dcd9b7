package dev.sluice.enqueuer.domain;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one job request: every variant admitted (enqueued now or found already enqueued),
 * or the request refused as a whole. A request is never half admitted on purpose: every check
 * runs for every variant before the first message is sent.
 */
public sealed interface Admission {

  /** Every variant has a job; 202, or 200 when none of them had to be enqueued now. */
  record Accepted(List<AdmittedJob> jobs) implements Admission {
    public Accepted {
      jobs = List.copyOf(jobs);
      if (jobs.isEmpty()) {
        throw new IllegalArgumentException("an accepted request has at least one job");
      }
    }

    public boolean allDeduplicated() {
      return jobs.stream().allMatch(AdmittedJob::deduplicated);
    }
  }

  record Refused(Refusal refusal) implements Admission {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
