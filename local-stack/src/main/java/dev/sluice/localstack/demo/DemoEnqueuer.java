package dev.sluice.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.enqueuer.adapter.http.ApiClient;
import dev.sluice.enqueuer.adapter.http.ApiResponse;
import dev.sluice.enqueuer.wiring.DaggerAwsEnqueuerComponent;
import dev.sluice.enqueuer.wiring.EnqueuerConfig;
import dev.sluice.enqueuer.wiring.EnqueuerTracing;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.queue.adapter.aws.AwsClients;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's front door: a real enqueuer (its HTTP API on a free 127.0.0.1 port) on the embedded
 * stack, and the requests the demo sends it. Every job the worker sees from it came through the
 * serve-time gate: validation, policy, digest capture and trace context.
 */
final class DemoEnqueuer implements AutoCloseable {
  static final String TOKEN = "sluice-demo-token";

  private final ObjectMapper json = new ObjectMapper();
  private final List<AutoCloseable> running = new ArrayList<>();
  private final ApiClient api;

  DemoEnqueuer(EmbeddedStack stack, String queueUrl, Path policy, String stateBucket, SpanProcessor spans) {
    OpenTelemetrySdk otel = EnqueuerTracing.sdk(spans);
    var server = DaggerAwsEnqueuerComponent.builder()
        .config(EnqueuerConfig.from(Map.of(
            "SLUICE_ENQUEUE_QUEUES", "normal=" + queueUrl,
            "SLUICE_POLICY_FILE", policy.toString(),
            "SLUICE_API_TOKENS", TOKEN,
            "SLUICE_DEDUP_BUCKET", stateBucket,
            "SLUICE_HTTP_HOST", "127.0.0.1",
            "SLUICE_HTTP_PORT", "0",
            "SLUICE_S3_PATH_STYLE", "true")))
        .sqs(AwsClients.local(stack.sqsEndpoint()).sqs())
        .s3(AwsClients.local(stack.s3Endpoint()).s3())
        .openTelemetry(otel)
        .build().server().start();
    running.add(server::close);
    // Flushed, not closed: closing would shut down the span store the demo shares with the worker.
    running.add(() -> otel.getSdkTracerProvider().forceFlush());
    api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), TOKEN, Duration.ofSeconds(30));
  }

  /** POSTs one request; answers the response. */
  ApiResponse post(String assetId, SourceRef source, Optional<String> sha256, List<String> variants)
      throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode().put("assetId", assetId).put("tenant", "demo");
    ObjectNode src = body.putObject("source").put("uri", source.uri().toUri());
    sha256.ifPresent(s -> src.put("sha256", s));
    variants.forEach(body.putArray("variants")::add);
    body.putObject("target").put("uri", DemoScenario.TARGET.toUri());
    return api.post("/v1/jobs", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The (variant, job id) pairs of an accepted response. */
  static List<String[]> jobs(ApiResponse response) {
    List<String[]> out = new ArrayList<>();
    for (JsonNode job : response.body().path("jobs")) {
      out.add(new String[] {job.path("variant").asText(), job.path("jobId").asText(),
          String.valueOf(job.path("deduplicated").asBoolean())});
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }
}
