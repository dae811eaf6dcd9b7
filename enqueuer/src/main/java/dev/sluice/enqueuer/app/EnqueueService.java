package dev.sluice.enqueuer.app;

import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.enqueuer.domain.Admission;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.port.DedupMarkers;
import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.policy.PolicySource;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The serve-time gate: admits job requests, one or a batch, and answers each with its jobs or the
 * reason it was refused. Every request is checked whole first (policy, source, digest, dedup);
 * then the fresh jobs of the whole call go out together, so a batch of a hundred requests costs a
 * handful of SendMessageBatch calls; then the dedup markers of what was sent are written.
 *
 * <p>Used by the HTTP API and by {@code sluice enqueue --direct}, so both admit exactly alike.
 */
public final class EnqueueService {
  private final RequestPreparer preparer;
  private final JobPublisher publisher;
  private final DedupLedger ledger;
  private final AdmissionResults results;
  private final Clock clock;

  public EnqueueService(PolicySource policy, SourceStore sources, DedupMarkers markers,
      JobSender sender, PresetCatalogue catalogue, Clock clock, EnqueueSettings settings) {
    this.ledger = new DedupLedger(markers, settings);
    this.preparer = new RequestPreparer(new PolicyGate(policy, settings.retryAfter()),
        new SourceResolver(sources, settings), ledger, catalogue);
    this.publisher = new JobPublisher(sender, settings.queues());
    this.results = new AdmissionResults(settings.retryAfter());
    this.clock = clock;
  }

  /** Admits one request. */
  public Admission admit(JobRequest request, RequestTrace trace) {
    return admitAll(List.of(request), trace).getFirst();
  }

  /** Admits each request on its own merits; one answer per request, in order. */
  public List<Admission> admitAll(List<JobRequest> requests, RequestTrace trace) {
    Instant now = clock.now();
    List<RequestPreparer.Preparation> prepared =
        new ParallelPreparation(preparer).prepareAll(requests, now);
    List<PlannedJob> fresh = new InCallDedup().apply(prepared);
    Map<UUID, Result<String>> sent = fresh.isEmpty() ? Map.of() : publisher.publish(fresh, trace);
    for (PlannedJob planned : fresh) {
      if (sent.get(planned.job().jobId()) instanceof Result.Ok<String>) {
        ledger.record(planned, now);
      }
    }
    List<Admission> answers = new ArrayList<>(prepared.size());
    prepared.forEach(p -> answers.add(results.answer(p, sent)));
    return answers;
  }
}
