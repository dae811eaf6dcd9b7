package dev.sluice.enqueuer.adapter.http;

import dev.sluice.enqueuer.port.EnqueueTelemetry;
import io.javalin.Javalin;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The enqueuer's HTTP API on Javalin (Jetty) with virtual threads: every request gets its own
 * virtual thread, so a handler may block on S3 and SQS calls without a pool to size. Routes:
 * {@code POST /v1/jobs}, {@code POST /v1/jobs:batch} (bearer token), and the probes
 * {@code /healthz}, {@code /readyz}, {@code /metrics} (open, for the platform).
 */
public final class EnqueuerServer implements AutoCloseable {
  private final HttpSettings settings;
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final Javalin app;

  public EnqueuerServer(HttpSettings settings, JobsEndpoint jobs, ProbeEndpoints probes,
      BearerTokens tokens, EnqueueTelemetry telemetry) {
    this.settings = settings;
    ApiExchange exchange = new ApiExchange(telemetry, tokens, settings, new ApiJson(), work);
    this.app = Javalin.create(config -> {
      config.useVirtualThreads = true;
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.router.mount(routes -> {
        routes.post("/v1/jobs", exchange.route("/v1/jobs", jobs::single));
        routes.post("/v1/jobs:batch", exchange.route("/v1/jobs:batch", jobs::batch));
        routes.get("/healthz", probes::health);
        routes.get("/readyz", probes::ready);
        routes.get("/metrics", probes::metrics);
      });
    });
  }

  /** Binds and serves; answers once the port is open. */
  public EnqueuerServer start() {
    app.start(settings.host(), settings.port());
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    work.shutdownNow();
  }
}
