package dev.sluice.enqueuer.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.domain.Priority;
import dev.sluice.enqueuer.MemoryWorld;
import dev.sluice.enqueuer.domain.Admission;
import dev.sluice.enqueuer.domain.AdmittedJob;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.DenyCause;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore.Op;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Admission on in-memory adapters: what is enqueued, and what is refused before anything is. */
class EnqueueServiceTest {
  final MemoryWorld world = new MemoryWorld();

  Admission admit(JobRequest request) {
    RequestTrace trace = world.telemetry.beginHttp("POST", "/v1/jobs", Optional.empty(), Optional.empty());
    try {
      return world.service().admit(request, trace);
    } finally {
      trace.end(202);
    }
  }

  static Refusal refusal(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Refused.class);
    return ((Admission.Refused) admission).refusal();
  }

  static List<AdmittedJob> jobs(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Accepted.class);
    return ((Admission.Accepted) admission).jobs();
  }

  @Test
  void everyVariantBecomesAJobTheWorkerDecodesWithItsOutputKey() {
    ObjectRef source = world.upload("clip.mp4", "frames");
    List<AdmittedJob> admitted = jobs(admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg")));

    List<Job> queued = world.queued(world.normal);
    assertThat(queued).hasSize(2);
    assertThat(admitted).extracting(AdmittedJob::variant).containsExactly("h264-720p", "thumb-jpeg");
    for (int i = 0; i < 2; i++) {
      Job job = queued.get(i);
      assertThat(job.jobId()).isEqualTo(admitted.get(i).jobId());
      assertThat(job.source().sha256()).isEqualTo(MemoryWorld.sha256("frames"));
      assertThat(job.source().size()).isEqualTo(6);
      assertThat(job.recipeDigest()).isEqualTo(world.catalogue.find(job.variant()).orElseThrow().recipeDigest());
      assertThat(admitted.get(i).output()).isEqualTo(
          OutputKeys.of(job, world.catalogue.find(job.variant()).orElseThrow().extension()));
      assertThat(admitted.get(i).deduplicated()).isFalse();
    }
  }

  @Test
  void theDigestComesFromTheS3ChecksumWithoutReadingTheSource() {
    ObjectRef source = world.upload("clip.mp4", "frames");
    jobs(admit(world.request("clip-1", source, "h264-720p")));
    assertThat(world.s3.count(Op.HEAD)).isEqualTo(1);
    assertThat(world.s3.count(Op.GET)).isZero();
  }

  @Test
  void withoutAnyDigestTheSourceIsHashedOnceByStreaming() {
    world.s3.storeChecksums(false);
    ObjectRef source = world.upload("clip.mp4", "some frames");
    jobs(admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg")));
    assertThat(world.s3.count(Op.GET)).isEqualTo(1);
    assertThat(world.queued(world.normal)).allSatisfy(job ->
        assertThat(job.source().sha256()).isEqualTo(MemoryWorld.sha256("some frames")));
  }

  @Test
  void aSourceOverTheHashingLimitWithoutADigestIsRefusedWithTheWayOut() {
    world.s3.storeChecksums(false);
    world.maxHashBytes = 4;
    ObjectRef source = world.upload("clip.mp4", "longer than four bytes");
    Refusal refusal = refusal(admit(world.request("clip-1", source, "h264-720p")));
    assertThat(refusal).isInstanceOfSatisfying(Refusal.Unprocessable.class, r -> {
      assertThat(r.rule()).isEqualTo("digest_unavailable");
      assertThat(r.reason()).contains("SLUICE_MAX_HASH_BYTES", "send source.sha256");
    });
    assertThat(world.s3.count(Op.GET)).isZero();
    assertThat(world.messages(world.normal)).isEmpty();
  }

  @Test
  void aRequestDigestIsUsedAsGivenAndOneContradictingS3IsRefused() {
    ObjectRef source = world.upload("clip.mp4", "frames");
    JobRequest wrong = withSha(world.request("clip-1", source, "h264-720p"), "ab".repeat(32));
    assertThat(refusal(admit(wrong))).isInstanceOfSatisfying(Refusal.Unprocessable.class,
        r -> assertThat(r.rule()).isEqualTo("digest_mismatch"));

    world.s3.storeChecksums(false);
    jobs(admit(wrong));
    assertThat(world.queued(world.normal).getFirst().source().sha256().hex()).isEqualTo("ab".repeat(32));
    assertThat(world.s3.count(Op.GET)).isZero();
  }

  @Test
  void aMissingSourceIsRefusedAsNotFound() {
    ObjectRef absent = new ObjectRef(MemoryWorld.SOURCE_BUCKET, "uploads/absent.mp4");
    assertThat(refusal(admit(world.request("clip-1", absent, "h264-720p"))))
        .isInstanceOf(Refusal.SourceMissing.class);
  }

  @Test
  void aForeignBucketIsDeniedBeforeTheEnqueuerTouchesIt() {
    ObjectRef foreign = new ObjectRef("someone-elses-bucket", "secret.mp4");
    assertThat(refusal(admit(world.request("clip-1", foreign, "h264-720p"))))
        .isInstanceOfSatisfying(Refusal.Denied.class,
            d -> assertThat(d.cause()).isEqualTo(DenyCause.SOURCE_NOT_ALLOWED));
    assertThat(world.s3.count(Op.HEAD)).isZero();
  }

  @Test
  void aPolicyDenialCarriesItsCauseReasonAndRevision() {
    world.policy = MemoryWorld.rules(List.of("clip-1"), 1L << 30);
    ObjectRef source = world.upload("clip.mp4", "frames");
    assertThat(refusal(admit(world.request("clip-1", source, "h264-720p"))))
        .isInstanceOfSatisfying(Refusal.Denied.class, d -> {
          assertThat(d.cause()).isEqualTo(DenyCause.ASSET_DENIED);
          assertThat(d.reason()).contains("clip-1");
          assertThat(d.policyRevision()).hasSize(12);
        });
  }

  @Test
  void theSizeLimitIsCheckedAgainstTheSizeTheHeadFound() {
    world.policy = MemoryWorld.rules(List.of(), 3);
    ObjectRef source = world.upload("clip.mp4", "frames");
    assertThat(refusal(admit(world.request("clip-1", source, "h264-720p"))))
        .isInstanceOfSatisfying(Refusal.Denied.class,
            d -> assertThat(d.cause()).isEqualTo(DenyCause.SOURCE_TOO_LARGE));
    assertThat(world.s3.count(Op.HEAD)).isEqualTo(1);
  }

  @Test
  void anUndecidablePolicyIsUnavailableNeverAnAdmission() {
    world.policy = request -> new Decision.Undecidable("rules file is missing", "none");
    ObjectRef source = world.upload("clip.mp4", "frames");
    assertThat(refusal(admit(world.request("clip-1", source, "h264-720p"))))
        .isInstanceOfSatisfying(Refusal.Unavailable.class,
            u -> assertThat(u.reason()).contains("rules file is missing"));
    assertThat(world.messages(world.normal)).isEmpty();
  }

  @Test
  void anUnreachableS3IsUnavailableAndAMissingQueueAnUpstreamError() {
    ObjectRef source = world.upload("clip.mp4", "frames");
    world.s3.failNext(Op.HEAD, new Fault(FaultKind.UNREACHABLE, "connection refused"), 1);
    assertThat(refusal(admit(world.request("clip-1", source, "h264-720p"))))
        .isInstanceOf(Refusal.Unavailable.class);

    world.markers.failNext(new Fault(FaultKind.TIMEOUT, "slow"), 1);
    assertThat(refusal(admit(world.request("clip-1", source, "h264-720p"))))
        .isInstanceOf(Refusal.Unavailable.class);

    world.sender = (queue, messages) -> messages.stream()
        .map(m -> dev.sluice.queue.port.Result.<String>err(FaultKind.NOT_FOUND, "no such queue")).toList();
    assertThat(refusal(admit(world.request("clip-1", source, "h264-720p"))))
        .isInstanceOf(Refusal.Upstream.class);
  }

  @Test
  void priorityHighGoesToTheHighQueue() {
    ObjectRef source = world.upload("clip.mp4", "frames");
    JobRequest high = world.request("clip-1", source, "h264-720p");
    high = new JobRequest(high.assetId(), high.tenant(), high.source(), high.sha256(), high.variants(),
        high.target(), Priority.HIGH);
    jobs(admit(high));
    assertThat(world.queued(world.high)).singleElement()
        .satisfies(job -> assertThat(job.priority()).isEqualTo(Priority.HIGH));
    assertThat(world.messages(world.normal)).isEmpty();
  }

  static JobRequest withSha(JobRequest r, String hex) {
    return new JobRequest(r.assetId(), r.tenant(), r.source(),
        Optional.of(new dev.sluice.contract.domain.Sha256(hex)), r.variants(), r.target(), r.priority());
  }
}
