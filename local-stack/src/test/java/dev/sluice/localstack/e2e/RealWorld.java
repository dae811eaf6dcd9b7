package dev.sluice.localstack.e2e;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.queue.adapter.aws.RequestCounter;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import dev.sluice.worker.adapter.memory.RecordingTelemetry;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.port.Transcoder;
import dev.sluice.worker.wiring.AwsWorkerComponent;
import dev.sluice.worker.wiring.DaggerAwsWorkerComponent;
import dev.sluice.worker.wiring.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A real worker — real SQS and S3 adapters, real loops — on the shared embedded stack, with its own
 * queue and buckets so tests never see each other's messages. Requests are counted per operation.
 */
final class RealWorld {
  final EmbeddedStack stack;
  final String id = UUID.randomUUID().toString().substring(0, 8);
  final String sourceBucket = "e2e-src-" + id;
  final String outputBucket = "e2e-out-" + id;
  final ObjectRef target = new ObjectRef(outputBucket, "renditions/");
  final EmbeddedStack.QueuePair queues;
  final RequestCounter requests = new RequestCounter();
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final PresetCatalogue catalogue = BundledCatalogue.load();
  final JobCodec codec = new JobCodec();
  final Path dir;
  final Path policyFile;

  RealWorld(EmbeddedStack stack, Path dir, Duration visibility) throws IOException {
    this.stack = stack;
    this.dir = Files.createDirectories(dir);
    this.queues = stack.createQueueWithDlq("e2e-" + id, 5, visibility);
    stack.createBucket(sourceBucket);
    stack.createBucket(outputBucket);
    this.policyFile = dir.resolve("rules.yaml");
    writePolicy(List.of());
  }

  void writePolicy(List<String> deniedAssets) throws IOException {
    String denied = deniedAssets.stream().map(a -> "\"" + a + "\"").reduce((a, b) -> a + ", " + b).orElse("");
    Files.writeString(policyFile, """
        version: 1
        allow:
          sources: ["s3://%s/"]
          targets: ["s3://%s/renditions/"]
        deny:
          assetIds: [%s]
          tenants: []
          sourcePrefixes: []
        variants:
          "*": ["h264-360p", "thumb-jpeg", "h264-720p"]
        maxSourceBytes: 1073741824
        media:
          maxDurationSeconds: 3600
          maxPixels: 8294400
          maxFramesPerSecond: 60
          allowedCodecs: []
        """.formatted(sourceBucket, outputBucket, denied));
  }

  WorkerProcess worker(Transcoder transcoder, Map<String, String> overrides) {
    return worker(transcoder, FixedMediaProbe.shortHdClip(), overrides);
  }

  WorkerProcess worker(Transcoder transcoder, dev.sluice.worker.port.MediaProbe probe, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SLUICE_QUEUES", queues.url(),
        "SLUICE_POLICY_FILE", policyFile.toString(),
        "SLUICE_LOOPS", "1",
        "SLUICE_LONG_POLL", "1s",
        "SLUICE_WORK_DIR", dir.resolve("work").toString(),
        "SLUICE_S3_PATH_STYLE", "true"));
    env.putAll(overrides);
    AwsWorkerComponent component = DaggerAwsWorkerComponent.builder()
        .config(WorkerConfig.from(env))
        .sqs(AwsClients.local(stack.sqsEndpoint()).with(requests).sqs())
        .s3(AwsClients.local(stack.s3Endpoint()).with(requests).s3())
        .transcoder(transcoder)
        .mediaProbe(probe)
        .telemetry(telemetry)
        .build();
    return component.process();
  }

  WorkerProcess worker() {
    return worker(new CopyingTranscoder(), Map.of());
  }

  Job upload(String assetId, byte[] bytes) {
    ObjectRef src = new ObjectRef(sourceBucket, "uploads/" + assetId + ".mp4");
    stack.s3().putObject(b -> b.bucket(sourceBucket).key(src.key()), RequestBody.fromBytes(bytes));
    return job(assetId, new SourceRef(src, sha256(bytes), bytes.length), "h264-360p");
  }

  Job job(String assetId, SourceRef source, String variant) {
    return new Job(UUID.randomUUID(), assetId, Optional.empty(), source, variant,
        catalogue.find(variant).orElseThrow().recipeDigest(), target, Priority.NORMAL, Instant.now());
  }

  void send(String body) {
    stack.sqs().sendMessage(b -> b.queueUrl(queues.url()).messageBody(body)
        .messageAttributes(Map.of("traceparent", MessageAttributeValue.builder().dataType("String")
            .stringValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build())));
  }

  void send(Job job) {
    send(codec.encode(job));
  }

  /** Waits until the worker has ended {@code count} deliveries; answers their outcomes. */
  List<JobOutcome> awaitOutcomes(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (outcomes().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return outcomes();
  }

  List<JobOutcome> outcomes() {
    return telemetry.jobs().stream().flatMap(j -> j.outcomes().stream()).toList();
  }

  List<Message> deadLetters() {
    return stack.sqs().receiveMessage(b -> b.queueUrl(queues.deadLetterUrl()).maxNumberOfMessages(10)
        .messageAttributeNames("All").waitTimeSeconds(1)).messages();
  }

  long objectsUnder(String bucket) {
    return stack.s3().listObjectsV2(b -> b.bucket(bucket)).keyCount();
  }

  QueueRef queueRef() {
    return QueueRef.of(queues.url());
  }

  static Sha256 sha256(byte[] bytes) {
    try {
      return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
