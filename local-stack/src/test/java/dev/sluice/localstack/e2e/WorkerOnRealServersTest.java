package dev.sluice.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.domain.JobOutcome.Cause;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The worker end to end through the real AWS adapters, on ElasticMQ and S3Mock. */
@ExtendWith(StackExtension.class)
@Timeout(120)
class WorkerOnRealServersTest {
  @TempDir Path dir;
  RealWorld world;
  WorkerProcess worker;

  @BeforeEach
  void setUp(EmbeddedStack stack) throws Exception {
    world = new RealWorld(stack, dir, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    if (worker != null) {
      worker.stop(Duration.ofSeconds(10));
    }
  }

  private static byte[] clip(long seed) {
    byte[] bytes = new byte[300_000];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void freshJobIsPublishedOnceWithItsKeyAndMetadata() throws Exception {
    Job job = world.upload("fresh", clip(1));
    world.send(job);
    worker = world.worker();
    worker.start();

    List<JobOutcome> outcomes = world.awaitOutcomes(1, Duration.ofSeconds(30));

    assertThat(outcomes).singleElement().isInstanceOf(JobOutcome.Succeeded.class);
    var key = OutputKeys.of(job, "mp4");
    var head = world.stack.s3().headObject(b -> b.bucket(key.bucket()).key(key.key()));
    assertThat(head.contentLength()).isEqualTo(job.source().size());
    assertThat(head.metadata())
        .containsEntry("sluice-source-sha256", job.source().sha256().hex())
        .containsEntry("sluice-recipe-digest", job.recipeDigest().hex())
        .containsEntry("sluice-job-id", job.jobId().toString())
        .containsKey("sluice-policy-revision")
        .containsKey("sluice-trace-id");
    assertThat(world.objectsUnder(world.outputBucket)).isEqualTo(1);
    assertThat(world.deadLetters()).isEmpty();
  }

  @Test
  void duplicateCostsOneHeadAndNoGet() throws Exception {
    Job job = world.upload("dup", clip(2));
    world.send(job);
    worker = world.worker();
    worker.start();
    world.awaitOutcomes(1, Duration.ofSeconds(30));
    long getsBefore = world.requests.count("S3.GetObject");
    long headsBefore = world.requests.count("S3.HeadObject");
    long putsBefore = world.requests.count("S3.PutObject");

    world.send(world.job("dup", job.source(), "h264-360p"));
    List<JobOutcome> outcomes = world.awaitOutcomes(2, Duration.ofSeconds(30));

    assertThat(outcomes.get(1)).isEqualTo(new JobOutcome.Succeeded(JobOutcome.Success.DUPLICATE,
        java.util.Optional.of(OutputKeys.of(job, "mp4"))));
    assertThat(world.requests.count("S3.GetObject")).isEqualTo(getsBefore);
    assertThat(world.requests.count("S3.PutObject")).isEqualTo(putsBefore);
    assertThat(world.requests.count("S3.HeadObject")).isEqualTo(headsBefore + 1);
  }

  @Test
  void tamperedSourceIsDroppedAndNothingIsPublished() throws Exception {
    Job honest = world.upload("tampered", clip(3));
    Job lying = world.job("tampered", new SourceRef(honest.source().uri(),
        RealWorld.sha256("not these bytes".getBytes(StandardCharsets.UTF_8)), honest.source().size()),
        "h264-360p");
    world.send(lying);
    worker = world.worker();
    worker.start();

    List<JobOutcome> outcomes = world.awaitOutcomes(1, Duration.ofSeconds(30));

    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.causeIfAny()).contains(Cause.TAMPERED));
    assertThat(world.objectsUnder(world.outputBucket)).isZero();
    assertThat(world.deadLetters()).singleElement().satisfies(m -> {
      assertThat(m.body()).isEqualTo(world.codec.encode(lying));
      assertThat(m.messageAttributes().get("sluice-cause").stringValue()).isEqualTo("TAMPERED");
      assertThat(m.messageAttributes().get("sluice-producer-trace-id").stringValue())
          .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    });
  }

  @Test
  void nowDeniedJobIsDroppedWithoutAGet() throws Exception {
    Job job = world.upload("now-denied", clip(4));
    world.writePolicy(List.of("now-denied"));
    world.send(job);
    worker = world.worker();
    worker.start();

    List<JobOutcome> outcomes = world.awaitOutcomes(1, Duration.ofSeconds(30));

    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.causeIfAny()).contains(Cause.DENIED));
    assertThat(world.requests.count("S3.GetObject")).isZero();
    assertThat(world.objectsUnder(world.outputBucket)).isZero();
  }

  @Test
  void malformedBodyEndsInTheDlqWithItsRawBody() throws Exception {
    String body = "{\"v\":1,\"jobId\":\"nope\",\"assetId\":\"../x\"}";
    world.send(body);
    worker = world.worker();
    worker.start();

    world.awaitOutcomes(1, Duration.ofSeconds(30));

    assertThat(world.deadLetters()).singleElement().satisfies(m -> {
      assertThat(m.body()).isEqualTo(body);
      assertThat(m.messageAttributes().get("sluice-cause").stringValue()).isEqualTo("MALFORMED");
      assertThat(m.messageAttributes().get("sluice-reason").stringValue()).contains("jobId");
    });
  }

  @Test
  void jobOutlastingTheVisibilityTimeoutIsProcessedExactlyOnceWhileASecondWorkerPolls(EmbeddedStack stack)
      throws Exception {
    RealWorld shortWindow = new RealWorld(stack, dir.resolve("short"), Duration.ofSeconds(2));
    Job job = shortWindow.upload("slow", clip(5));
    shortWindow.send(job);
    // 40 steps x 150 ms = 6 s of transcoding against a 2 s visibility window.
    Map<String, String> tight = Map.of("SLUICE_VISIBILITY_TIMEOUT", "2s", "SLUICE_LEASE_MARGIN", "1s");
    WorkerProcess first = shortWindow.worker(new CopyingTranscoder(40, step -> sleep(150)), tight);
    WorkerProcess second = shortWindow.worker(new CopyingTranscoder(40, step -> sleep(150)), tight);
    first.start();
    second.start();
    try {
      List<JobOutcome> outcomes = shortWindow.awaitOutcomes(1, Duration.ofSeconds(40));
      Thread.sleep(3000);
      assertThat(shortWindow.outcomes()).as("exactly one delivery ran").hasSize(1);
      assertThat(outcomes.get(0)).isInstanceOf(JobOutcome.Succeeded.class);
      assertThat(shortWindow.telemetry.leaseExtensions()).isGreaterThanOrEqualTo(3);
      assertThat(shortWindow.objectsUnder(shortWindow.outputBucket)).isEqualTo(1);
    } finally {
      first.stop(Duration.ofSeconds(10));
      second.stop(Duration.ofSeconds(10));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
