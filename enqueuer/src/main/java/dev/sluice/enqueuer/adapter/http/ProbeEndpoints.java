package dev.sluice.enqueuer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.enqueuer.port.Reachability;
import io.javalin.http.Context;
import java.util.List;

/**
 * The unauthenticated probes: {@code /healthz} says the process serves (liveness: restart it if
 * not), {@code /readyz} says its queues and buckets answer (readiness: route traffic to it only
 * then), and {@code /metrics} points at the Prometheus exporter's own port.
 */
public final class ProbeEndpoints {
  static final String METRICS_PLACEHOLDER = "# Sluice enqueuer: metrics are served by the OpenTelemetry Prometheus\n"
      + "# exporter on port 9464 (/metrics; OTEL_EXPORTER_PROMETHEUS_PORT), not on the API port.\n";

  private final Reachability reachability;
  private final ApiJson json = new ApiJson();

  public ProbeEndpoints(Reachability reachability) {
    this.reachability = reachability;
  }

  void health(Context ctx) {
    ctx.contentType("application/json").result(json.bytes(json.object().put("status", "ok")));
  }

  void ready(Context ctx) {
    List<String> problems = reachability.problems();
    ObjectNode body = json.object().put("status", problems.isEmpty() ? "ready" : "unavailable");
    problems.forEach(body.putArray("problems")::add);
    ctx.status(problems.isEmpty() ? 200 : 503).contentType("application/json").result(json.bytes(body));
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(METRICS_PLACEHOLDER);
  }
}
