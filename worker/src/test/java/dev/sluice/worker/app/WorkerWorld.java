package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.policy.PolicySource;
import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.DenyCause;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.adapter.memory.ManualTime;
import dev.sluice.worker.adapter.memory.RecordingTelemetry;
import dev.sluice.queue.adapter.memory.StoredMessage;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.worker.port.Transcoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A worker on in-memory adapters and a manual clock, with one queue (plus DLQ) and a policy whose
 * answer a test can switch: the fixture every pipeline test starts from.
 */
final class WorkerWorld {
  static final ObjectRef TARGET = new ObjectRef("media-out", "renditions/");
  static final Duration VISIBILITY = Duration.ofSeconds(30);

  final ManualTime time = new ManualTime();
  final InMemoryJobQueue queue = new InMemoryJobQueue(time, time);
  final InMemoryObjectStore store = new InMemoryObjectStore();
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final PresetCatalogue catalogue = BundledCatalogue.load();
  final JobCodec codec = new JobCodec();
  final QueueRef dlq = queue.create("jobs-dlq");
  final QueueRef jobs = queue.create("jobs", dlq, 5);
  final AtomicReference<Function<String, Decision>> policyAnswer =
      new AtomicReference<>(revision -> new Decision.Admit(revision));
  final PolicySource policy = request -> policyAnswer.get().apply("rev-1");
  final Path workDir;
  Transcoder transcoder = new CopyingTranscoder();
  /** What the loops report to; the recording telemetry unless a test swaps in another. */
  dev.sluice.worker.port.JobTelemetry jobTelemetry = telemetry;
  MediaProbe mediaProbe = FixedMediaProbe.shortHdClip();

  WorkerWorld(Path workDir) {
    this.workDir = workDir;
  }

  WorkerSettings settings(List<QueueRef> queues) {
    var d = WorkerSettings.defaults(queues, workDir);
    return new WorkerSettings(queues, d.priorityWeights(), 1, 5, VISIBILITY, Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(2), workDir, d.resourceClass());
  }

  WorkerLoop loop() {
    return loop(List.of(jobs));
  }

  WorkerLoop loop(List<QueueRef> queues) {
    return loop(queues, ReceiveGate.alwaysOpen());
  }

  WorkerLoop loop(List<QueueRef> queues, ReceiveGate gate) {
    var settings = settings(queues);
    JobPolicy jobPolicy = new JobPolicy(policy);
    var pipeline = new JobPipeline(codec, new PresetResolver(catalogue, settings.resourceClass()),
        new ProbeStage(store), new ReevaluateStage(store, jobPolicy), new FetchVerifyStage(store),
        new TranscodeStage(mediaProbe, transcoder, jobPolicy), new PublishStage(store, jobPolicy),
        workDir);
    return new LoopFactory(settings, queue, pipeline, jobTelemetry, time, time, gate).newLoop();
  }

  void deny(String reason) {
    policyAnswer.set(rev -> new Decision.Deny(DenyCause.ASSET_DENIED, reason, rev));
  }

  void undecidable(String reason) {
    policyAnswer.set(rev -> new Decision.Undecidable(reason, rev));
  }

  /** Puts a source object in the store and answers a valid job for it. */
  Job sourceAndJob(String assetId, String variant, byte[] bytes) {
    ObjectRef src = new ObjectRef("media-in", "uploads/" + assetId + ".mp4");
    store.put(src, bytes, Map.of());
    Preset preset = catalogue.find(variant).orElseThrow();
    return new Job(UUID.randomUUID(), assetId, Optional.empty(),
        new SourceRef(src, sha256(bytes), bytes.length), variant, preset.recipeDigest(), TARGET,
        Priority.NORMAL, time.now());
  }

  Job sourceAndJob(String assetId) {
    return sourceAndJob(assetId, "h264-360p", ("clip of " + assetId).getBytes(StandardCharsets.UTF_8));
  }

  void send(Job job) {
    send(jobs, codec.encode(job));
  }

  void send(QueueRef q, String body) {
    queue.enqueue(q, body, Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
  }

  List<StoredMessage> deadLetters() {
    return queue.contents(dlq);
  }

  List<StoredMessage> pending() {
    return queue.contents(jobs);
  }

  static Sha256 sha256(byte[] bytes) {
    try {
      return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
