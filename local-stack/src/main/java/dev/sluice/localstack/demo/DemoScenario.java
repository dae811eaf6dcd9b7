package dev.sluice.localstack.demo;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.PresetCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's mixed set of jobs: fresh renditions over several presets, a tampered digest, a
 * policy-denied asset, a malformed message, and (in a second wave) a duplicate of a finished job.
 */
final class DemoScenario {
  static final ObjectRef TARGET = new ObjectRef(DemoStack.OUTPUT_BUCKET, "renditions/");
  static final List<String> FRESH_VARIANTS =
      List.of("h264-720p", "h264-360p", "aac-128k", "thumb-jpeg", "gif-preview", "hls-720p");

  private final PresetCatalogue catalogue;
  private final JobCodec codec = new JobCodec();

  DemoScenario(PresetCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Jobs sent straight to the queue, as a producer that bypasses the enqueuer would. */
  List<DemoJob> bypassingTheEnqueuer(SourceRef banned) {
    return List.of(
        job("denied asset, straight to the queue", "banned-asset", banned, "h264-360p", "Dropped/DENIED"),
        new DemoJob("malformed message, straight to queue", Optional.empty(), "-",
            "{\"v\":1,\"jobId\":\"not-a-uuid\",\"assetId\":\"../../etc\"}", "Dropped/MALFORMED"));
  }

  /** A new job for an output that the first wave already published: settled by one HEAD. */
  DemoJob duplicate(SourceRef clip) {
    return job("duplicate, straight to the queue", "demo-clip", clip, "h264-360p", "Succeeded");
  }

  private DemoJob job(String label, String assetId, SourceRef source, String variant, String expected) {
    Job job = new Job(UUID.randomUUID(), assetId, Optional.of("demo"), source, variant,
        catalogue.find(variant).orElseThrow().recipeDigest(), TARGET, Priority.NORMAL, Instant.now());
    return new DemoJob(label, Optional.of(job.jobId().toString()), variant, codec.encode(job), expected);
  }
}
