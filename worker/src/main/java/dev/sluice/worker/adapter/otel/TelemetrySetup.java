package dev.sluice.worker.adapter.otel;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the OpenTelemetry SDK from the standard {@code OTEL_*} variables (autoconfigure), with
 * defaults that suit a worker: metrics on a Prometheus endpoint (port 9464), traces exported over
 * OTLP only when an endpoint is configured, no log export. Never registered as the global instance.
 */
public final class TelemetrySetup {
  private TelemetrySetup() {}

  public static OpenTelemetrySdk autoconfigured(String serviceName, Map<String, String> env) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> defaults(serviceName, env))
        .build()
        .getOpenTelemetrySdk();
  }

  /** Lower precedence than OTEL_* variables and system properties, which always win. */
  static Map<String, String> defaults(String serviceName, Map<String, String> env) {
    Map<String, String> d = new HashMap<>();
    d.put("otel.service.name", serviceName);
    d.put("otel.metrics.exporter", "prometheus");
    d.put("otel.exporter.prometheus.port", "9464");
    boolean otlp = env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    d.put("otel.traces.exporter", otlp ? "otlp" : "none");
    d.put("otel.logs.exporter", "none");
    return d;
  }
}
