package dev.sluice.enqueuer.wiring;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * Builds the one OpenTelemetry SDK of an enqueuer process (never the global one). Where spans go
 * is the caller's choice of {@link SpanProcessor}s: an in-memory exporter in tests; in production
 * {@link #autoconfigured} reads the standard OTEL_* variables. With none, the SDK would hand out no-op spans with
 * all-zero ids, so clients would get no trace id and messages no {@code traceparent}; a processor
 * that discards every span keeps the ids real until an exporter is configured.
 */
public final class EnqueuerTracing {
  static final String SERVICE_NAME = "sluice-enqueuer";

  private EnqueuerTracing() {}

  /**
   * The production SDK from the standard {@code OTEL_*} variables (autoconfigure): traces over OTLP
   * when an endpoint is set, metrics on a Prometheus endpoint (port 9464), never global. A
   * discarding processor is always added so span ids stay real when nothing exports.
   */
  public static OpenTelemetrySdk autoconfigured(java.util.Map<String, String> env) {
    return io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> defaults(env))
        .addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(new Unexported()))
        .build()
        .getOpenTelemetrySdk();
  }

  static java.util.Map<String, String> defaults(java.util.Map<String, String> env) {
    boolean otlp = env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    return java.util.Map.of(
        "otel.service.name", SERVICE_NAME,
        "otel.metrics.exporter", "prometheus",
        "otel.exporter.prometheus.port", "9464",
        "otel.traces.exporter", otlp ? "otlp" : "none",
        "otel.logs.exporter", "none");
  }

  public static OpenTelemetrySdk sdk(SpanProcessor... processors) {
    var tracing = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.builder().put("service.name", SERVICE_NAME).build())))
        .setSampler(Sampler.parentBased(Sampler.alwaysOn()));
    for (SpanProcessor processor : processors) {
      tracing.addSpanProcessor(processor);
    }
    if (processors.length == 0) {
      tracing.addSpanProcessor(new Unexported());
    }
    return OpenTelemetrySdk.builder().setTracerProvider(tracing.build()).build();
  }

  /** Records nothing and exports nothing; its presence makes the SDK create real spans. */
  private static final class Unexported implements SpanProcessor {
    @Override
    public void onStart(Context parent, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }
}
