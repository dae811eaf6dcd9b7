package dev.sluice.worker.adapter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.queue.adapter.resilient.DependencyGuard;
import dev.sluice.queue.adapter.resilient.GuardSettings;
import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.app.TelemetryWorld;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rule file parses, every rule has an expression, and every metric it names is one the
 * worker's Prometheus endpoint really serves (after a mixed run), so a rename cannot silently
 * leave an alert watching nothing.
 */
class AlertRulesTest {
  private static final Pattern METRIC = Pattern.compile("\\bsluice_[a-z_]+");
  @TempDir Path workDir;

  @Test
  void everyAlertNamesOnlyServedMetrics() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../deploy/prometheus/alerts.yaml").toFile());
    List<String> expressions = new java.util.ArrayList<>();
    rules.path("groups").forEach(g -> g.path("rules").forEach(r -> {
      assertThat(r.path("alert").asText()).isNotBlank();
      assertThat(r.path("expr").asText()).isNotBlank();
      expressions.add(r.path("expr").asText());
    }));
    assertThat(expressions).hasSizeGreaterThanOrEqualTo(6);

    Set<String> served = scrapeAfterMixedRun();
    Set<String> named = new HashSet<>();
    expressions.forEach(e -> METRIC.matcher(e).results().forEach(m -> named.add(m.group())));
    assertThat(named).isNotEmpty();
    assertThat(served).containsAll(named);
  }

  private Set<String> scrapeAfterMixedRun() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PrometheusHttpServer prometheus = PrometheusHttpServer.builder().setHost("127.0.0.1").setPort(port).build();
    try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(prometheus).build()).build()) {
      var meter = otel.getMeter("dev.sluice.worker");
      WorkerMetrics metrics = new WorkerMetrics(meter);
      GuardMetrics.bind(meter, List.of(new DependencyGuard("s3-source", GuardSettings.defaults())));
      // The queue gauge needs SQS; register the same name and labels so its exposition can be checked.
      meter.gaugeBuilder(QueueDepthSampler.NAME).ofLongs().buildWithCallback(m -> m.record(0,
          io.opentelemetry.api.common.Attributes.of(QueueDepthSampler.QUEUE, "jobs-dlq", QueueDepthSampler.STATE, "visible")));
      TelemetryWorld world = new TelemetryWorld(workDir, new OtelJobTelemetry(otel, metrics, new AssetRedaction(false)));
      world.sendWithTraceparent(world.sourceAndJob("a-ok"), null);
      Job honest = world.sourceAndJob("a-bad");
      world.storeChecksums(false);
      world.sendWithTraceparent(new Job(honest.jobId(), honest.assetId(), honest.tenant(),
          new SourceRef(honest.source().uri(), new Sha256("cd".repeat(32)), honest.source().size()),
          honest.variant(), honest.recipeDigest(), honest.target(), honest.priority(), honest.enqueuedAt()), null);
      world.runOnce();
      metrics.leaseLosses.add(1);
      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      Set<String> names = new HashSet<>();
      body.lines().filter(l -> l.startsWith("sluice_")).forEach(l -> names.add(l.split("[{ ]")[0]));
      return names;
    }
  }
}
