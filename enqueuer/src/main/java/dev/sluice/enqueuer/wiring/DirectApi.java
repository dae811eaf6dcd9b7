package dev.sluice.enqueuer.wiring;

import dev.sluice.enqueuer.adapter.http.ApiResponse;
import dev.sluice.enqueuer.adapter.http.JobsEndpoint;
import dev.sluice.enqueuer.port.EnqueueTelemetry;
import dev.sluice.enqueuer.port.RequestTrace;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Map;
import java.util.function.Function;

/**
 * The API run in-process for {@code sluice enqueue --direct}: the production component on the
 * environment's configuration, called without HTTP or a token. It admits exactly as the server
 * does (rules, policy, digest, dedup, rate), because it is the same endpoint code.
 */
final class DirectApi implements ApiTransport {
  private final SdkClients clients;
  private final OpenTelemetrySdk otel = EnqueuerTracing.sdk();
  private final JobsEndpoint jobs;
  private final EnqueueTelemetry telemetry;

  /** {@code clientsFor} maps the config to SDK clients (the standard chain, or a local stack). */
  DirectApi(Map<String, String> env, Function<EnqueuerConfig, SdkClients> clientsFor) {
    EnqueuerConfig config = EnqueuerConfig.from(env);
    this.clients = clientsFor.apply(config);
    AwsEnqueuerComponent component = DaggerAwsEnqueuerComponent.builder()
        .config(config).sqs(clients.sqs()).s3(clients.s3()).openTelemetry(otel).build();
    this.jobs = component.jobs();
    this.telemetry = component.telemetry();
  }

  @Override
  public ApiResponse post(String route, byte[] body) {
    RequestTrace trace = telemetry.beginCommand("sluice enqueue");
    ApiResponse response = BATCH.equals(route) ? jobs.batch(body, trace) : jobs.single(body, trace);
    trace.end(response.status());
    return response;
  }

  @Override
  public void close() {
    otel.close();
    clients.close();
  }
}
