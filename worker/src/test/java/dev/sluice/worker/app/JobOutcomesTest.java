package dev.sluice.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore.Op;
import dev.sluice.queue.adapter.memory.StoredMessage;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a job can end, driven through a real loop on in-memory adapters. */
class JobOutcomesTest {
  @TempDir Path workDir;
  WorkerWorld world;

  @BeforeEach
  void setUp() {
    world = new WorkerWorld(workDir);
  }

  private JobOutcome runOne(Job job) throws Exception {
    world.send(job);
    assertThat(world.loop().runOnce()).isEqualTo(1);
    return lastOutcome();
  }

  private JobOutcome lastOutcome() {
    var jobs = world.telemetry.jobs();
    return jobs.get(jobs.size() - 1).outcomes().get(0);
  }

  @Test
  void freshJobIsPublishedAtItsDeterministicKeyWithMetadataAndAcked() throws Exception {
    Job job = world.sourceAndJob("asset-1");
    JobOutcome outcome = runOne(job);

    ObjectRef key = OutputKeys.of(job, "mp4");
    assertThat(key.key()).isEqualTo("renditions/asset-1/h264-360p/"
        + job.recipeDigest().prefix(16) + "-" + job.source().sha256().prefix(16) + ".mp4");
    assertThat(outcome).isEqualTo(new JobOutcome.Succeeded(JobOutcome.Success.PUBLISHED,
        java.util.Optional.of(key)));
    assertThat(world.store.bytes(key)).contains(world.store.bytes(job.source().uri()).orElseThrow());
    assertThat(world.store.metadata(key))
        .containsEntry(OutputMetadata.SOURCE_SHA256, job.source().sha256().hex())
        .containsEntry(OutputMetadata.RECIPE_DIGEST, job.recipeDigest().hex())
        .containsEntry(OutputMetadata.JOB_ID, job.jobId().toString())
        .containsEntry(OutputMetadata.POLICY_REVISION, "rev-1")
        .containsKey(OutputMetadata.TRACE_ID);
    assertThat(world.pending()).isEmpty();
    assertThat(world.deadLetters()).isEmpty();
    assertThat(world.telemetry.jobs().get(0).stages())
        .containsExactly("probe", "policy", "fetch", "verify", "probe-media", "transcode", "verify-output",
            "publish", "settle");
    assertThat(world.telemetry.jobs().get(0).progress()).startsWith(0).endsWith(100).isSorted();
  }

  @Test
  void duplicateCostsOneHeadAndNoFetch() throws Exception {
    Job job = world.sourceAndJob("asset-dup");
    runOne(job);
    long getsBefore = world.store.count(Op.GET);
    long headsBefore = world.store.count(Op.HEAD);
    long putsBefore = world.store.count(Op.PUT);

    JobOutcome again = runOne(job);

    assertThat(again).isInstanceOf(JobOutcome.Succeeded.class);
    assertThat(((JobOutcome.Succeeded) again).how()).isEqualTo(JobOutcome.Success.DUPLICATE);
    assertThat(world.store.count(Op.GET)).isEqualTo(getsBefore);
    assertThat(world.store.count(Op.PUT)).isEqualTo(putsBefore);
    assertThat(world.store.count(Op.HEAD)).isEqualTo(headsBefore + 1);
    assertThat(world.pending()).isEmpty();
  }

  @Test
  void nowDeniedJobIsDroppedWithoutFetchAndRecorded() throws Exception {
    Job job = world.sourceAndJob("asset-denied");
    world.deny("asset asset-denied is on the deny list");

    JobOutcome outcome = runOne(job);

    assertThat(outcome).isInstanceOf(JobOutcome.Dropped.class);
    assertThat(outcome.causeIfAny()).contains(Cause.DENIED);
    assertThat(((JobOutcome.Dropped) outcome).reason()).contains("deny list").contains("rev-1");
    assertThat(world.store.count(Op.GET)).isZero();
    assertThat(world.store.count(Op.PUT)).isZero();
    assertThat(world.pending()).isEmpty();
    StoredMessage letter = world.deadLetters().get(0);
    assertThat(letter.body()).isEqualTo(world.codec.encode(job));
    assertThat(letter.attributes())
        .containsEntry(DeadLetter.ATTR_CAUSE, "DENIED")
        .containsEntry(DeadLetter.ATTR_ATTEMPTS, "1")
        .containsEntry(DeadLetter.ATTR_JOB_ID, job.jobId().toString())
        .containsEntry(DeadLetter.ATTR_PRODUCER_TRACE_ID, "0af7651916cd43dd8448eb211c80319c")
        .containsKey(DeadLetter.ATTR_TRACE_ID);
  }

  @Test
  void withdrawnSourceIsDropped() throws Exception {
    Job job = world.sourceAndJob("asset-gone");
    world.store.delete(job.source().uri());

    assertThat(runOne(job).causeIfAny()).contains(Cause.WITHDRAWN);
    assertThat(world.deadLetters()).hasSize(1);
    assertThat(world.store.count(Op.GET)).isZero();
  }

  @Test
  void sourceThatChangedSizeSinceEnqueueIsStale() throws Exception {
    Job job = world.sourceAndJob("asset-stale");
    world.store.put(job.source().uri(), "a longer, replaced upload".getBytes(StandardCharsets.UTF_8), Map.of());

    JobOutcome outcome = runOne(job);

    assertThat(outcome.causeIfAny()).contains(Cause.STALE);
    assertThat(((JobOutcome.Dropped) outcome).reason()).contains("changed since enqueue");
    assertThat(world.store.count(Op.GET)).isZero();
  }

  @Test
  void sourceWhoseStoredChecksumChangedIsStaleEvenAtTheSameSize() throws Exception {
    Job job = world.sourceAndJob("asset-same-size", "h264-360p", "AAAA".getBytes(StandardCharsets.UTF_8));
    world.store.put(job.source().uri(), "BBBB".getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(runOne(job).causeIfAny()).contains(Cause.STALE);
  }

  @Test
  void jobAdmittedUnderAnOlderRecipeIsStale() throws Exception {
    Job fresh = world.sourceAndJob("asset-recipe");
    Job old = new Job(fresh.jobId(), fresh.assetId(), fresh.tenant(), fresh.source(), fresh.variant(),
        new Sha256("ab".repeat(32)), fresh.target(), fresh.priority(), fresh.enqueuedAt());

    JobOutcome outcome = runOne(old);

    assertThat(outcome.causeIfAny()).contains(Cause.STALE);
    assertThat(((JobOutcome.Dropped) outcome).reason()).contains("recipe digest");
  }

  @Test
  void undecidablePolicyRetriesWithBackoffAndKeepsTheMessage() throws Exception {
    Job job = world.sourceAndJob("asset-undecided");
    world.undecidable("rules file is unreadable");

    JobOutcome outcome = runOne(job);

    assertThat(outcome.causeIfAny()).contains(Cause.POLICY_UNDECIDABLE);
    assertThat(world.pending()).hasSize(1);
    assertThat(world.pending().get(0).visibleAt()).isAfter(world.time.now().plusSeconds(4));
    assertThat(world.deadLetters()).isEmpty();
    assertThat(world.store.count(Op.GET)).isZero();
  }

  @Test
  void tamperedSourceIsDroppedWithAnAlarmAndNothingPublished() throws Exception {
    byte[] real = "the real bytes".getBytes(StandardCharsets.UTF_8);
    Job honest = world.sourceAndJob("asset-tamper", "h264-360p", real);
    Job claimed = new Job(honest.jobId(), honest.assetId(), honest.tenant(),
        new SourceRef(honest.source().uri(), WorkerWorld.sha256("other bytes!!!".getBytes(StandardCharsets.UTF_8)),
            real.length),
        honest.variant(), honest.recipeDigest(), honest.target(), honest.priority(), honest.enqueuedAt());
    world.store.storeChecksums(false);

    JobOutcome outcome = runOne(claimed);

    assertThat(outcome.causeIfAny()).contains(Cause.TAMPERED);
    assertThat(world.store.count(Op.PUT)).isZero();
    assertThat(world.telemetry.alarms()).singleElement().asString().startsWith("TAMPERED");
    assertThat(world.deadLetters()).singleElement()
        .extracting(m -> m.attributes().get(DeadLetter.ATTR_CAUSE)).isEqualTo("TAMPERED");
    try (var files = Files.list(workDir)) {
      assertThat(files).as("temp files are deleted").isEmpty();
    }
  }

  @Test
  void sourceLongerThanDeclaredIsCutOffAsTampered() throws Exception {
    byte[] bytes = new byte[1 << 20];
    Job honest = world.sourceAndJob("asset-long", "h264-360p", bytes);
    Job claimed = new Job(honest.jobId(), honest.assetId(), honest.tenant(),
        new SourceRef(honest.source().uri(), honest.source().sha256(), 1000),
        honest.variant(), honest.recipeDigest(), honest.target(), honest.priority(), honest.enqueuedAt());
    // HEAD would already call it stale, so drive the fetch stage alone to prove it stops reading.
    try (JobWorkspace ws = JobWorkspace.create(workDir, "long")) {
      var step = new FetchVerifyStage(world.store).run(claimed, ws, () -> { });

      assertThat(step).isInstanceOf(dev.sluice.worker.domain.Step.Done.class);
      JobOutcome outcome = ((dev.sluice.worker.domain.Step.Done<Path>) step).outcome();
      assertThat(outcome.causeIfAny()).contains(Cause.TAMPERED);
      assertThat(((JobOutcome.Dropped) outcome).reason()).contains("more bytes than the 1000 declared");
      assertThat(Files.size(ws.file("source"))).isLessThan(bytes.length);
    }
  }

  @Test
  void outputAlreadyPresentAtPublishIsSuccess() throws Exception {
    Job job = world.sourceAndJob("asset-race");
    ObjectRef key = OutputKeys.of(job, "mp4");
    // Another worker is mid-publish: the probe sees nothing usable, the conditional write finds it.
    world.store.failNext(Op.HEAD, new Fault(FaultKind.UNREACHABLE, "probe timed out"), 1);
    world.store.put(key, "someone else's copy".getBytes(StandardCharsets.UTF_8), Map.of());

    JobOutcome outcome = runOne(job);

    assertThat(outcome).isInstanceOf(JobOutcome.Succeeded.class);
    assertThat(((JobOutcome.Succeeded) outcome).how()).isEqualTo(JobOutcome.Success.ALREADY_PRESENT);
    assertThat(world.store.bytes(key)).get().isEqualTo("someone else's copy".getBytes(StandardCharsets.UTF_8));
    assertThat(world.pending()).isEmpty();
  }

  @Test
  void publishFailureRetries() throws Exception {
    Job job = world.sourceAndJob("asset-put-fails");
    world.store.failNext(Op.PUT, new Fault(FaultKind.THROTTLED, "SlowDown"), 1);

    assertThat(runOne(job).causeIfAny()).contains(Cause.PUBLISH_FAILED);
    assertThat(world.pending()).hasSize(1);
  }

  @Test
  void unreadableMediaIsDropped() throws Exception {
    Job job = world.sourceAndJob("asset-empty", "h264-360p", new byte[0]);
    assertThat(runOne(job).causeIfAny()).contains(Cause.UNREADABLE_MEDIA);
    assertThat(world.store.count(Op.PUT)).isZero();
  }

  @Test
  void gpuPresetIsRefusedByACpuWorkerWithAClearReason() throws Exception {
    Job job = world.sourceAndJob("asset-gpu", "h264-720p-nvenc", "x".getBytes(StandardCharsets.UTF_8));

    JobOutcome outcome = runOne(job);

    assertThat(outcome.causeIfAny()).contains(Cause.WRONG_RESOURCE_CLASS);
    assertThat(((JobOutcome.Dropped) outcome).reason())
        .isEqualTo("preset 'h264-720p-nvenc' needs a gpu worker; this worker's resource class is cpu");
  }
}
