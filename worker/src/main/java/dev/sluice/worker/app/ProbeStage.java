package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.worker.domain.JobOutcome.Succeeded;
import dev.sluice.worker.domain.JobOutcome.Success;
import dev.sluice.worker.domain.Step;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Result;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, the presence probe: one HEAD on the deterministic output key. An output already there
 * for the same source digest makes this delivery a duplicate, settled without fetching anything.
 * The probe is an optimisation, never a gate: a failed probe decides nothing and the job goes on.
 */
public final class ProbeStage {
  private static final Logger log = LoggerFactory.getLogger(ProbeStage.class);

  private final Publisher publisher;

  public ProbeStage(Publisher publisher) {
    this.publisher = publisher;
  }

  public Step<Void> run(Job job, ObjectRef outputKey) {
    Result<Optional<ObjectInfo>> probed = publisher.probe(outputKey);
    if (probed instanceof Result.Err<Optional<ObjectInfo>> err) {
      log.warn("Presence probe of {} failed ({}); continuing without it", outputKey, err.fault());
      return Step.next(null);
    }
    Optional<ObjectInfo> present = ((Result.Ok<Optional<ObjectInfo>>) probed).value();
    boolean sameSource = present
        .map(info -> info.metadata().get(OutputMetadata.SOURCE_SHA256))
        .filter(job.source().sha256().hex()::equals)
        .isPresent();
    if (sameSource) {
      return Step.done(new Succeeded(Success.DUPLICATE, Optional.of(outputKey)));
    }
    if (present.isPresent()) {
      log.warn("{} exists but was not made from source {}; continuing", outputKey, job.source().sha256());
    }
    return Step.next(null);
  }
}
