package dev.sluice.localstack.enqueuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import dev.sluice.worker.adapter.memory.RecordingTelemetry;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.wiring.DaggerAwsWorkerComponent;
import dev.sluice.worker.wiring.WorkerConfig;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
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
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The enqueuer through real HTTP on ElasticMQ and S3Mock: what it puts on the queue is what a real
 * worker accepts and publishes, with the source digest and the trace context it captured.
 */
@ExtendWith(StackExtension.class)
@Timeout(120)
class EnqueuerEndToEndTest {
  @TempDir Path dir;
  EnqueuerWorld world;
  EnqueuerWorld.Api api;
  WorkerProcess worker;

  @BeforeEach
  void setUp(EmbeddedStack stack) throws Exception {
    world = new EnqueuerWorld(stack, dir);
    api = world.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (worker != null) {
      worker.stop(Duration.ofSeconds(10));
    }
    world.close();
  }

  static byte[] clip(long seed) {
    byte[] bytes = new byte[200_000];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void anAdmittedJobIsAcceptedAndPublishedByARealWorker() throws Exception {
    String source = world.upload("clip.mp4", clip(1), true);
    EnqueuerWorld.Reply reply = api.post("/v1/jobs", world.request("clip-1", source, "h264-360p"));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    JsonNode job = reply.body().path("jobs").get(0);

    RecordingTelemetry telemetry = new RecordingTelemetry();
    worker = worker(telemetry);
    worker.start();
    List<JobOutcome> outcomes = await(telemetry, Duration.ofSeconds(30));

    assertThat(outcomes).singleElement().isEqualTo(new JobOutcome.Succeeded(JobOutcome.Success.PUBLISHED,
        java.util.Optional.of(ObjectRef.parseS3Uri(job.path("outputUri").asText(), false))));
    ObjectRef output = ObjectRef.parseS3Uri(job.path("outputUri").asText(), false);
    var head = world.stack.s3().headObject(b -> b.bucket(output.bucket()).key(output.key()));
    assertThat(head.metadata()).containsEntry("sluice-job-id", job.path("jobId").asText())
        .containsEntry("sluice-source-sha256", EnqueuerWorld.sha256(clip(1)));
  }

  @Test
  void theDigestIsTakenFromTheS3ChecksumWithoutReadingTheSource() throws Exception {
    byte[] bytes = clip(2);
    String source = world.upload("clip.mp4", bytes, true);
    world.requests.reset();
    assertThat(api.post("/v1/jobs", world.request("clip-2", source, "thumb-jpeg")).status()).isEqualTo(202);

    Job job = EnqueuerWorld.decode(world.receive(1).getFirst());
    assertThat(job.source().sha256().hex()).isEqualTo(EnqueuerWorld.sha256(bytes));
    assertThat(job.source().size()).isEqualTo(bytes.length);
    assertThat(world.count("HeadObject")).isEqualTo(1);
    assertThat(world.count("GetObject")).as("only the dedup marker is read").isEqualTo(1);
  }

  @Test
  void withoutAChecksumTheSourceIsHashedByStreamingItOnce() throws Exception {
    byte[] bytes = clip(3);
    String source = world.upload("clip.mp4", bytes, false);
    world.requests.reset();
    assertThat(api.post("/v1/jobs", world.request("clip-3", source, "thumb-jpeg")).status()).isEqualTo(202);
    assertThat(EnqueuerWorld.decode(world.receive(1).getFirst()).source().sha256().hex())
        .isEqualTo(EnqueuerWorld.sha256(bytes));
    assertThat(world.count("GetObject")).as("the source, then the dedup marker").isEqualTo(2);
  }

  @Test
  void theTraceparentOnTheMessageIsThePublishSpanUnderTheRequestSpan() throws Exception {
    String source = world.upload("clip.mp4", clip(4), true);
    EnqueuerWorld.Reply reply = api.post("/v1/jobs", world.request("clip-4", source, "h264-360p", "thumb-jpeg"),
        Map.of("Authorization", "Bearer " + EnqueuerWorld.TOKEN,
            "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    assertThat(reply.status()).isEqualTo(202);
    String traceId = reply.body().path("traceId").asText();
    assertThat(traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

    List<SpanData> finished = world.spans.getFinishedSpanItems();
    SpanData server = finished.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    assertThat(server.getTraceId()).isEqualTo(traceId);
    assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    List<Message> messages = world.receive(2);
    assertThat(messages).hasSize(2);
    for (Message m : messages) {
      String jobId = EnqueuerWorld.decode(m).jobId().toString();
      SpanData producer = finished.stream().filter(s -> s.getKind() == SpanKind.PRODUCER
          && jobId.equals(s.getAttributes().asMap().entrySet().stream()
              .filter(e -> e.getKey().getKey().equals("sluice.job.id")).findFirst().orElseThrow().getValue()))
          .findFirst().orElseThrow();
      assertThat(producer.getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(producer.getName()).isEqualTo("publish enq-" + world.id);
      assertThat(m.messageAttributes().get("traceparent").stringValue())
          .isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
    }
  }

  private WorkerProcess worker(RecordingTelemetry telemetry) {
    Map<String, String> env = Map.of(
        "SLUICE_QUEUES", world.queue.url(),
        "SLUICE_POLICY_FILE", world.policyFile.toString(),
        "SLUICE_LOOPS", "1",
        "SLUICE_LONG_POLL", "1s",
        "SLUICE_WORK_DIR", dir.resolve("work").toString(),
        "SLUICE_S3_PATH_STYLE", "true");
    return DaggerAwsWorkerComponent.builder()
        .config(WorkerConfig.from(env))
        .sqs(AwsClients.local(world.stack.sqsEndpoint()).sqs())
        .s3(AwsClients.local(world.stack.s3Endpoint()).s3())
        .transcoder(new CopyingTranscoder())
        .mediaProbe(FixedMediaProbe.shortHdClip())
        .telemetry(telemetry)
        .build().process();
  }

  private static List<JobOutcome> await(RecordingTelemetry telemetry, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<JobOutcome> outcomes = telemetry.jobs().stream().flatMap(j -> j.outcomes().stream()).toList();
      if (!outcomes.isEmpty()) {
        return outcomes;
      }
      Thread.sleep(50);
    }
    return List.of();
  }
}
