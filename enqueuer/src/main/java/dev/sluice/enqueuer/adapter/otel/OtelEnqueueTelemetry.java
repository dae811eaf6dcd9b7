package dev.sluice.enqueuer.adapter.otel;

import dev.sluice.enqueuer.port.EnqueueTelemetry;
import dev.sluice.enqueuer.port.RequestTrace;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EnqueueTelemetry} on the OpenTelemetry API. The SDK behind it (sampler, exporter) is
 * built in the wiring and handed in, so nothing here knows where spans go. Incoming context is
 * read with the W3C Trace Context propagator only: it is the format the job contract promises the
 * worker, and a malformed header simply starts a new trace.
 */
public final class OtelEnqueueTelemetry implements EnqueueTelemetry {
  static final String INSTRUMENTATION = "dev.sluice.enqueuer";

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      (carrier, key) -> carrier == null ? null : carrier.get(key);

  private final Tracer tracer;

  public OtelEnqueueTelemetry(OpenTelemetry otel) {
    this.tracer = otel.getTracer(INSTRUMENTATION);
  }

  @Override
  public RequestTrace beginHttp(String method, String route, Optional<String> traceparent,
      Optional<String> tracestate) {
    Map<String, String> carrier = new HashMap<>();
    traceparent.ifPresent(v -> carrier.put("traceparent", v));
    tracestate.ifPresent(v -> carrier.put("tracestate", v));
    Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, FROM_MAP);
    Span span = tracer.spanBuilder(method + " " + route).setSpanKind(SpanKind.SERVER)
        .setParent(parent)
        .setAttribute("http.request.method", method)
        .setAttribute("http.route", route)
        .startSpan();
    return new OtelRequestTrace(tracer, span, true);
  }

  @Override
  public RequestTrace beginCommand(String name) {
    Span span = tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setNoParent().startSpan();
    return new OtelRequestTrace(tracer, span, false);
  }
}
