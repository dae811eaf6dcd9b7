package dev.sluice.worker.adapter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore.Op;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.app.TelemetryWorld;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telemetry contract, locked like a public API: span names, metric names and required
 * attribute keys, driven by a fresh job, a duplicate, a tamper, a deny and a retry. Any addition,
 * removal or rename fails here and must be made in docs/telemetry.md too.
 */
class TelemetryContractTest {
  static final List<String> SPANS = List.of("receive jobs", "process jobs", "probe", "policy", "fetch",
      "verify", "probe-media", "transcode", "verify-output", "publish", "settle");
  static final List<String> METRICS = List.of("sluice.jobs", "sluice.job.duration", "sluice.job.lag",
      "sluice.stage.duration", "sluice.jobs.in_flight", "sluice.lease.extensions", "sluice.lease.losses",
      "sluice.alarms", "sluice.source.bytes", "sluice.output.bytes", "sluice.transcode.speed",
      "sluice.aws.requests", "sluice.retries", "sluice.breaker.state", "sluice.queue.messages");
  static final List<String> PROCESS_KEYS = List.of("messaging.system", "messaging.destination.name",
      "messaging.message.id", "messaging.operation.type", "sluice.job.id", "sluice.job.variant",
      "sluice.job.outcome", "sluice.job.cause", "sluice.job.attempt");
  static final String PRODUCER = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @TempDir Path workDir;
  InMemorySpanExporter spans = InMemorySpanExporter.create();
  InMemoryMetricReader metrics = InMemoryMetricReader.create();
  TelemetryWorld world;

  @BeforeEach
  void setUp() {
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build();
    world = new TelemetryWorld(workDir,
        new OtelJobTelemetry(otel, new WorkerMetrics(otel.getMeter("test")), new AssetRedaction(false)));
  }

  private void driveEveryPath() throws Exception {
    Job fresh = world.sourceAndJob("asset-fresh");
    world.sendWithTraceparent(fresh, PRODUCER);
    world.runOnce();
    world.sendWithTraceparent(world.sameOutput(fresh), PRODUCER);
    world.runOnce();
    Job honest = world.sourceAndJob("asset-tamper");
    world.storeChecksums(false);
    world.sendWithTraceparent(new Job(honest.jobId(), honest.assetId(), honest.tenant(),
        new SourceRef(honest.source().uri(), new Sha256("ab".repeat(32)), honest.source().size()),
        honest.variant(), honest.recipeDigest(), honest.target(), honest.priority(), honest.enqueuedAt()),
        "garbage");
    world.runOnce();
    Job retry = world.sourceAndJob("asset-retry");
    world.failNext(Op.PUT, new Fault(FaultKind.SERVER_ERROR, "InternalError"));
    world.sendWithTraceparent(retry, null);
    world.runOnce();
    world.deny();
    world.sendWithTraceparent(world.sourceAndJob("asset-denied"), PRODUCER);
    world.runOnce();
  }

  @Test
  void spanNamesAreExactlyTheLockedSet() throws Exception {
    driveEveryPath();
    assertThat(spans.getFinishedSpanItems().stream().map(SpanData::getName).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(SPANS);
  }

  @Test
  void processSpansCarryTheRequiredAttributesAndOutcomes() throws Exception {
    driveEveryPath();
    List<SpanData> processes = process();
    assertThat(processes).hasSize(5).allSatisfy(s -> {
      assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(s.getParentSpanContext().isValid()).as("a job has its own trace").isFalse();
      assertThat(s.getAttributes().asMap().keySet().stream().map(AttributeKey::getKey))
          .containsAll(PROCESS_KEYS);
    });
    assertThat(processes).extracting(s -> s.getAttributes().get(OtelJobTrace.OUTCOME) + "/"
        + s.getAttributes().get(OtelJobTrace.CAUSE))
        .containsExactly("succeeded/PUBLISHED", "succeeded/DUPLICATE", "dropped/TAMPERED",
            "retried/PUBLISH_FAILED", "dropped/DENIED");
    assertThat(processes.get(2).getStatus().getDescription()).contains("does not match what was admitted");
    assertThat(processes.get(0).getAttributes().get(OtelJobTrace.REVISION)).isEqualTo("rev-1");
    assertThat(processes.get(0).getEvents()).extracting(e -> e.getName()).contains("progress");
  }

  @Test
  void processSpanLinksToTheProducerAndStagesAreItsChildren() throws Exception {
    driveEveryPath();
    List<SpanData> processes = process();
    SpanData first = processes.get(0);
    assertThat(first.getLinks()).singleElement().satisfies(l -> {
      assertThat(l.getSpanContext().getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
      assertThat(l.getSpanContext().getSpanId()).isEqualTo("b7ad6b7169203331");
    });
    assertThat(processes.get(2).getLinks()).as("garbage traceparent is ignored").isEmpty();
    assertThat(processes.get(3).getLinks()).as("no traceparent at all").isEmpty();
    List<SpanData> stages = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(first.getTraceId()) && !s.getName().startsWith("process"))
        .toList();
    assertThat(stages).extracting(SpanData::getName)
        .containsExactlyInAnyOrder("probe", "policy", "fetch", "verify", "probe-media", "transcode",
            "verify-output", "publish", "settle");
    assertThat(stages).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(first.getSpanId()));
  }

  @Test
  void metricNamesAreLockedAndCountsMatchOutcomes() throws Exception {
    driveEveryPath();
    List<String> declared = new java.util.ArrayList<>(WorkerMetrics.NAMES);
    declared.addAll(GuardMetrics.NAMES);
    declared.add(QueueDepthSampler.NAME);
    assertThat(declared).containsExactlyInAnyOrderElementsOf(METRICS);
    var collected = metrics.collectAllMetrics();
    assertThat(collected).extracting(MetricData::getName).allSatisfy(n -> assertThat(METRICS).contains(n));
    MetricData jobs = collected.stream().filter(m -> m.getName().equals("sluice.jobs")).findFirst().orElseThrow();
    Map<String, Long> byOutcome = jobs.getLongSumData().getPoints().stream().collect(Collectors.groupingBy(
        p -> p.getAttributes().get(WorkerMetrics.OUTCOME), Collectors.summingLong(p -> p.getValue())));
    assertThat(byOutcome).containsEntry("succeeded", 2L).containsEntry("dropped", 2L).containsEntry("retried", 1L);
    assertThat(collected).extracting(MetricData::getName).contains("sluice.alarms", "sluice.stage.duration",
        "sluice.source.bytes", "sluice.output.bytes", "sluice.transcode.speed", "sluice.job.lag");
  }

  @Test
  void docsListExactlyTheLockedNames() throws Exception {
    String doc = Files.readString(Path.of("../docs/telemetry.md"), StandardCharsets.UTF_8);
    Set<String> documented = new TreeSet<>();
    var m = Pattern.compile("`([a-z][a-z0-9_.\\- ]+)`").matcher(doc);
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented).containsAll(SPANS).containsAll(METRICS).containsAll(PROCESS_KEYS);
  }

  private List<SpanData> process() {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("process ")).toList();
  }
}
