package dev.sluice.enqueuer;

import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.enqueuer.adapter.memory.InMemoryDedupMarkers;
import dev.sluice.enqueuer.adapter.memory.QueueBackedSender;
import dev.sluice.enqueuer.adapter.otel.OtelEnqueueTelemetry;
import dev.sluice.enqueuer.app.EnqueueService;
import dev.sluice.enqueuer.app.EnqueueSettings;
import dev.sluice.enqueuer.app.QueueRoutes;
import dev.sluice.enqueuer.domain.JobRequest;
import dev.sluice.enqueuer.port.EnqueueTelemetry;
import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.wiring.EnqueuerTracing;
import dev.sluice.policy.PolicySource;
import dev.sluice.policy.RulesFile;
import dev.sluice.policy.StaticPolicy;
import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.adapter.memory.ManualTime;
import dev.sluice.queue.adapter.memory.StoredMessage;
import dev.sluice.queue.port.QueueRef;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enqueuer on in-memory adapters with a manual clock: S3, SQS (two queues), dedup markers, a
 * fixed policy, and an OpenTelemetry SDK that records spans. Tests change {@link #policy} or
 * {@link #sender} before calling {@link #service()}.
 */
public final class MemoryWorld {
  public static final String SOURCE_BUCKET = "media-in";
  public static final String TARGET = "s3://media-out/renditions/";

  public final ManualTime time = new ManualTime(Instant.parse("2026-11-23T18:00:00Z"));
  public final InMemoryObjectStore s3 = new InMemoryObjectStore();
  public final InMemoryJobQueue sqs = new InMemoryJobQueue(time, time);
  public final QueueRef normal = sqs.create("jobs-normal");
  public final QueueRef high = sqs.create("jobs-high");
  public final InMemoryDedupMarkers markers = new InMemoryDedupMarkers();
  public final InMemorySpanExporter spans = InMemorySpanExporter.create();
  public final OpenTelemetrySdk otel = EnqueuerTracing.sdk(SimpleSpanProcessor.create(spans));
  public final EnqueueTelemetry telemetry = new OtelEnqueueTelemetry(otel);
  public final PresetCatalogue catalogue = BundledCatalogue.load();
  public final JobCodec codec = new JobCodec();
  public PolicySource policy = rules(List.of(), 1L << 30);
  public JobSender sender = new QueueBackedSender(sqs);
  public long maxHashBytes = 1 << 20;

  public EnqueueService service() {
    return new EnqueueService(policy, s3, markers, sender, catalogue, time,
        new EnqueueSettings(new QueueRoutes(Map.of(Priority.NORMAL, normal, Priority.HIGH, high)),
            Duration.ofHours(24), maxHashBytes, Duration.ofSeconds(5)));
  }

  /** Rules that allow {@link #SOURCE_BUCKET} and {@link #TARGET}, deny {@code deniedAssets}. */
  public static PolicySource rules(List<String> deniedAssets, long maxSourceBytes) {
    String yaml = """
        version: 1
        allow:
          sources: ["s3://media-in/uploads/"]
          targets: ["s3://media-out/renditions/"]
        deny:
          assetIds: [%s]
          tenants: []
          sourcePrefixes: []
        variants:
          "*": ["h264-360p", "h264-720p", "thumb-jpeg"]
        maxSourceBytes: %d
        media:
          maxDurationSeconds: 3600
          maxPixels: 8294400
          maxFramesPerSecond: 60
          allowedCodecs: []
        """.formatted(String.join(", ", deniedAssets), maxSourceBytes);
    return StaticPolicy.of(new RulesFile(Path.of("rules.yaml"))
        .parse(yaml.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  /** Stores {@code bytes} at {@code s3://media-in/uploads/<name>}. */
  public ObjectRef upload(String name, byte[] bytes) {
    ObjectRef ref = new ObjectRef(SOURCE_BUCKET, "uploads/" + name);
    s3.put(ref, bytes, Map.of());
    return ref;
  }

  public ObjectRef upload(String name, String text) {
    return upload(name, text.getBytes(StandardCharsets.UTF_8));
  }

  public JobRequest request(String assetId, ObjectRef source, String... variants) {
    return new JobRequest(assetId, Optional.empty(), source, Optional.empty(), List.of(variants),
        ObjectRef.parseS3Uri(TARGET, true), Priority.NORMAL);
  }

  /** Every job in {@code queue}, decoded with the worker's codec. */
  public List<Job> queued(QueueRef queue) {
    return sqs.contents(queue).stream().map(m -> decode(m)).toList();
  }

  public List<StoredMessage> messages(QueueRef queue) {
    return sqs.contents(queue);
  }

  private Job decode(StoredMessage message) {
    DecodeResult result = codec.decode(message.body().getBytes(StandardCharsets.UTF_8));
    if (result instanceof DecodeResult.Decoded decoded) {
      return decoded.job();
    }
    throw new AssertionError("the worker would refuse " + message.body() + ": " + result);
  }

  public static Sha256 sha256(byte[] bytes) {
    try {
      return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Sha256 sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
