package dev.sluice.enqueuer.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.enqueuer.domain.AdmittedJob;
import dev.sluice.enqueuer.domain.DedupKey;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.domain.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs every check of one request up to (not including) the send, for all its variants, so that
 * a request is refused whole before anything is enqueued. The policy is asked twice: first with
 * the request alone, so a source outside the allowed buckets (or a denied asset, tenant or
 * variant) is refused before the enqueuer touches S3 on the client's behalf; then with the size
 * the HEAD found, for the size limit.
 */
final class RequestPreparer {

  /** The outcome: what each variant needs, or why the request is refused. */
  sealed interface Preparation {
    record Ready(List<Slot> slots) implements Preparation {}

    record Refused(Refusal refusal) implements Preparation {}
  }

  private final PolicyGate policy;
  private final SourceResolver sources;
  private final DedupLedger ledger;
  private final PresetCatalogue catalogue;

  RequestPreparer(PolicyGate policy, SourceResolver sources, DedupLedger ledger,
      PresetCatalogue catalogue) {
    this.policy = policy;
    this.sources = sources;
    this.ledger = ledger;
    this.catalogue = catalogue;
  }

  Preparation prepare(JobRequest request, Instant now) {
    Optional<Refusal> early = policy.check(request, 0);
    if (early.isPresent()) {
      return new Preparation.Refused(early.get());
    }
    SourceRef source;
    switch (sources.resolve(request)) {
      case SourceResolver.Resolution.Refused refused -> {
        return new Preparation.Refused(refused.refusal());
      }
      case SourceResolver.Resolution.Resolved resolved -> source = resolved.source();
    }
    Optional<Refusal> sized = policy.check(request, source.size());
    if (sized.isPresent()) {
      return new Preparation.Refused(sized.get());
    }
    List<Slot> slots = new ArrayList<>();
    for (String variant : request.variants()) {
      PlannedJob planned = plan(request, source, variant, now);
      switch (ledger.lookup(planned.key(), now)) {
        case DedupLedger.Lookup.Claimed claimed -> slots.add(new Slot.Existing(new AdmittedJob(
            claimed.marker().jobId(), variant, claimed.marker().output(), true)));
        case DedupLedger.Lookup.Unclaimed unclaimed ->
            slots.add(new Slot.Fresh(planned.replacing(unclaimed.staleVersion())));
        case DedupLedger.Lookup.Failed failed -> {
          return new Preparation.Refused(failed.refusal());
        }
      }
    }
    return new Preparation.Ready(slots);
  }

  private PlannedJob plan(JobRequest request, SourceRef source, String variant, Instant now) {
    Preset preset = catalogue.find(variant).orElseThrow(() -> new IllegalStateException(
        "variant " + variant + " passed the request rules but is not in the catalogue"));
    Job job = new Job(UUID.randomUUID(), request.assetId(), request.tenant(), source, variant,
        preset.recipeDigest(), request.target(), request.priority(), now);
    ObjectRef output = OutputKeys.of(job, preset.extension());
    DedupKey key = DedupKey.of(job.assetId(), variant, source.sha256(), preset.recipeDigest(),
        request.target());
    return new PlannedJob(job, output, key, Optional.empty());
  }
}
