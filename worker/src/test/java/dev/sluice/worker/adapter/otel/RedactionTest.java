package dev.sluice.worker.adapter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.app.TelemetryWorld;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With redaction on, an asset id never reaches span text; a stable hash prefix stands in for it. */
class RedactionTest {
  @TempDir Path workDir;

  @Test
  void assetIdsAreReplacedInSpanStatusWhenConfigured() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    TelemetryWorld world = new TelemetryWorld(workDir,
        new OtelJobTelemetry(otel, new WorkerMetrics(otel.getMeter("t")), new AssetRedaction(true)));
    var job = world.sourceAndJob("secret-asset-7");
    world.withdraw(job);
    world.sendWithTraceparent(job, null);
    world.runOnce();

    SpanData process = spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("process"))
        .findFirst().orElseThrow();
    String status = process.getStatus().getDescription();
    assertThat(status).doesNotContain("secret-asset-7").contains(AssetRedaction.token("secret-asset-7"));
    assertThat(process.getAttributes().asMap().values()).noneMatch(v -> String.valueOf(v).contains("secret-asset-7"));
  }

  @Test
  void tokensAreStableAndOffMeansUntouched() {
    assertThat(AssetRedaction.token("a")).isEqualTo(AssetRedaction.token("a")).startsWith("asset#").hasSize(18);
    assertThat(new AssetRedaction(false).apply("x a y", "a")).isEqualTo("x a y");
    assertThat(new AssetRedaction(true).apply("asset a-1 of a", "a-1")).isEqualTo("asset " + AssetRedaction.token("a-1") + " of a");
  }
}
