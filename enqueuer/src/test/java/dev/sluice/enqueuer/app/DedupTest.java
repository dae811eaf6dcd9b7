package dev.sluice.enqueuer.app;

import static dev.sluice.enqueuer.app.EnqueueServiceTest.jobs;
import static dev.sluice.enqueuer.app.EnqueueServiceTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.enqueuer.MemoryWorld;
import dev.sluice.enqueuer.domain.Admission;
import dev.sluice.enqueuer.domain.AdmittedJob;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.enqueuer.port.RequestTrace;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Job-level dedup: same work within the window is answered with the job already enqueued. */
class DedupTest {
  final MemoryWorld world = new MemoryWorld();
  final ObjectRef source = world.upload("clip.mp4", "frames");

  List<Admission> admitAll(List<JobRequest> requests) {
    RequestTrace trace = world.telemetry.beginHttp("POST", "/v1/jobs", Optional.empty(), Optional.empty());
    List<Admission> out = world.service().admitAll(requests, trace);
    trace.end(200);
    return out;
  }

  Admission admit(JobRequest request) {
    return admitAll(List.of(request)).getFirst();
  }

  @Test
  void aRepeatWithinTheWindowGetsTheSameJobsAndEnqueuesNothing() {
    List<AdmittedJob> first = jobs(admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg")));
    world.time.advance(Duration.ofHours(23));
    Admission again = admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg"));

    assertThat(((Admission.Accepted) again).allDeduplicated()).isTrue();
    assertThat(jobs(again)).extracting(AdmittedJob::jobId)
        .containsExactlyElementsOf(first.stream().map(AdmittedJob::jobId).toList());
    assertThat(jobs(again)).extracting(AdmittedJob::output)
        .containsExactlyElementsOf(first.stream().map(AdmittedJob::output).toList());
    assertThat(world.messages(world.normal)).hasSize(2);
  }

  @Test
  void onlyTheNewVariantOfAPartlyKnownRequestIsEnqueued() {
    jobs(admit(world.request("clip-1", source, "h264-720p")));
    List<AdmittedJob> mixed = jobs(admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg")));
    assertThat(mixed).extracting(AdmittedJob::deduplicated).containsExactly(true, false);
    assertThat(world.messages(world.normal)).hasSize(2);
  }

  @Test
  void afterTheWindowANewJobIsEnqueuedAndReplacesTheStaleMarker() {
    AdmittedJob first = jobs(admit(world.request("clip-1", source, "h264-720p"))).getFirst();
    world.time.advance(Duration.ofHours(24));
    AdmittedJob second = jobs(admit(world.request("clip-1", source, "h264-720p"))).getFirst();
    assertThat(second.deduplicated()).isFalse();
    assertThat(second.jobId()).isNotEqualTo(first.jobId());
    assertThat(world.messages(world.normal)).hasSize(2);
    assertThat(world.markers.size()).isEqualTo(1);

    world.time.advance(Duration.ofHours(1));
    assertThat(jobs(admit(world.request("clip-1", source, "h264-720p"))).getFirst().jobId())
        .isEqualTo(second.jobId());
  }

  @Test
  void anotherSourceDigestOrTargetIsOtherWork() {
    jobs(admit(world.request("clip-1", source, "h264-720p")));
    world.upload("clip.mp4", "re-uploaded frames");
    assertThat(jobs(admit(world.request("clip-1", source, "h264-720p"))).getFirst().deduplicated()).isFalse();
    JobRequest elsewhere = world.request("clip-1", source, "h264-720p");
    elsewhere = new JobRequest(elsewhere.assetId(), elsewhere.tenant(), elsewhere.source(), elsewhere.sha256(),
        elsewhere.variants(), ObjectRef.parseS3Uri("s3://media-out/renditions/other/", true), elsewhere.priority());
    assertThat(jobs(admit(elsewhere)).getFirst().deduplicated()).isFalse();
    assertThat(world.messages(world.normal)).hasSize(3);
  }

  @Test
  void twoEntriesOfOneBatchAskingForTheSameWorkShareOneJob() {
    List<Admission> answers = admitAll(List.of(world.request("clip-1", source, "h264-720p"),
        world.request("clip-1", source, "h264-720p")));
    AdmittedJob a = jobs(answers.get(0)).getFirst();
    AdmittedJob b = jobs(answers.get(1)).getFirst();
    assertThat(a.deduplicated()).isFalse();
    assertThat(b.deduplicated()).isTrue();
    assertThat(b.jobId()).isEqualTo(a.jobId());
    assertThat(world.messages(world.normal)).hasSize(1);
  }

  @Test
  void aFailedSendLeavesNoMarkerSoTheRetryEnqueuesOnlyWhatIsMissing() {
    List<Integer> calls = new ArrayList<>();
    var real = world.sender;
    world.sender = (queue, messages) -> {
      calls.add(messages.size());
      List<Result<String>> sent = new ArrayList<>(real.send(queue, messages.subList(0, 1)));
      messages.subList(1, messages.size()).forEach(m -> sent.add(Result.err(FaultKind.THROTTLED, "slow down")));
      return sent;
    };
    Refusal failed = refusal(admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg")));
    assertThat(failed).isInstanceOfSatisfying(Refusal.Unavailable.class, u ->
        assertThat(u.enqueued()).extracting(AdmittedJob::variant).containsExactly("h264-720p"));
    assertThat(world.markers.size()).isEqualTo(1);

    world.sender = real;
    List<AdmittedJob> retried = jobs(admit(world.request("clip-1", source, "h264-720p", "thumb-jpeg")));
    assertThat(retried).extracting(AdmittedJob::deduplicated).containsExactly(true, false);
    assertThat(world.messages(world.normal)).hasSize(2);
  }
}
