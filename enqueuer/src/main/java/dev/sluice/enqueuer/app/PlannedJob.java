package dev.sluice.enqueuer.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.enqueuer.domain.AdmittedJob;
import dev.sluice.enqueuer.domain.DedupKey;
import java.util.Optional;

/**
 * A job that passed every check and is about to be sent, with what recording it afterwards needs:
 * its dedup key and, when a stale marker stands at that key, the version to replace.
 */
record PlannedJob(Job job, ObjectRef output, DedupKey key, Optional<String> staleVersion) {

  PlannedJob replacing(Optional<String> version) {
    return new PlannedJob(job, output, key, version);
  }

  AdmittedJob admitted(boolean deduplicated) {
    return new AdmittedJob(job.jobId(), job.variant(), output, deduplicated);
  }
}
