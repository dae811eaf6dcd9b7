package dev.sluice.enqueuer.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production SDK hands out real span ids even when no exporter is configured. */
class EnqueuerAutoconfigureTest {

  @Test
  void productionSdkMakesRealSpansWithoutAnExporter() {
    // Keep this test from opening the Prometheus port: system properties override the defaults.
    System.setProperty("otel.metrics.exporter", "none");
    try (var otel = EnqueuerTracing.autoconfigured(Map.of())) {
      var span = otel.getTracer("t").spanBuilder("x").startSpan();
      assertThat(span.getSpanContext().isValid()).isTrue();
      span.end();
    } finally {
      System.clearProperty("otel.metrics.exporter");
    }
    assertThat(EnqueuerTracing.defaults(Map.of())).containsEntry("otel.traces.exporter", "none")
        .containsEntry("otel.metrics.exporter", "prometheus").containsEntry("otel.service.name", "sluice-enqueuer");
    assertThat(EnqueuerTracing.defaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")))
        .containsEntry("otel.traces.exporter", "otlp");
  }
}
