package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.Admission;
import dev.sluice.enqueuer.domain.AdmittedJob;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a prepared request and the results of the sends into its answer. A request whose every
 * job is in a queue is accepted; if any send failed, it is refused with that fault (usually 503),
 * listing the jobs that did go out, so the client knows a retry will be answered by dedup for
 * those and enqueue only the rest.
 */
final class AdmissionResults {
  private final Duration retryAfter;

  AdmissionResults(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  Admission answer(RequestPreparer.Preparation prepared, Map<UUID, Result<String>> sent) {
    if (prepared instanceof RequestPreparer.Preparation.Refused refused) {
      return new Admission.Refused(refused.refusal());
    }
    List<AdmittedJob> jobs = new ArrayList<>();
    Fault firstFault = null;
    for (Slot slot : ((RequestPreparer.Preparation.Ready) prepared).slots()) {
      PlannedJob planned = switch (slot) {
        case Slot.Existing existing -> {
          jobs.add(existing.job());
          yield null;
        }
        case Slot.Fresh fresh -> fresh.planned();
        case Slot.Alias alias -> alias.original();
      };
      if (planned == null) {
        continue;
      }
      switch (sent.get(planned.job().jobId())) {
        case Result.Ok<String> ok -> jobs.add(planned.admitted(slot instanceof Slot.Alias));
        case Result.Err<String> err -> firstFault = firstFault == null ? err.fault() : firstFault;
        case null -> throw new IllegalStateException("no send result for " + planned.job().jobId());
      }
    }
    return firstFault == null ? new Admission.Accepted(jobs) : failed(firstFault, jobs);
  }

  private Admission failed(Fault fault, List<AdmittedJob> enqueued) {
    Refusal refusal = FaultRefusals.of(fault, "enqueue every job of the request", retryAfter);
    if (refusal instanceof Refusal.Unavailable unavailable) {
      refusal = new Refusal.Unavailable(unavailable.reason(), retryAfter, enqueued);
    }
    return new Admission.Refused(refusal);
  }
}
