package dev.sluice.localstack.demo;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo's OpenTelemetry: every span is kept in memory (to print trace trees) and written to
 * {@code spans.jsonl}; when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, spans also go to that
 * collector (see deploy/otel-collector.yaml).
 */
final class DemoTracing implements AutoCloseable {
  private final InMemorySpanExporter memory = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk;

  DemoTracing(Map<String, String> env) {
    var tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory));
    String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      tracer.addSpanProcessor(BatchSpanProcessor.builder(
          OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()).build());
    }
    sdk = OpenTelemetrySdk.builder().setTracerProvider(tracer.build())
        .setMeterProvider(SdkMeterProvider.builder().build()).build();
  }

  OpenTelemetrySdk sdk() {
    return sdk;
  }

  /** A processor feeding the same in-memory store, for the enqueuer's own SDK. */
  io.opentelemetry.sdk.trace.SpanProcessor processor() {
    return SimpleSpanProcessor.create(memory);
  }

  List<SpanData> spans() {
    return memory.getFinishedSpanItems();
  }

  /** One line per span: ids, parent, name, times, attributes. */
  void writeJsonLines(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    for (SpanData s : spans()) {
      out.append("{\"traceId\":\"").append(s.getTraceId()).append("\",\"spanId\":\"").append(s.getSpanId())
          .append("\",\"parentSpanId\":\"").append(s.getParentSpanId()).append("\",\"name\":\"")
          .append(s.getName()).append("\",\"startNanos\":").append(s.getStartEpochNanos())
          .append(",\"endNanos\":").append(s.getEndEpochNanos()).append(",\"status\":\"")
          .append(s.getStatus().getStatusCode()).append("\",\"links\":").append(s.getLinks().size())
          .append("}\n");
    }
    Files.writeString(file, out.toString());
  }

  @Override
  public void close() {
    sdk.close();
  }
}
