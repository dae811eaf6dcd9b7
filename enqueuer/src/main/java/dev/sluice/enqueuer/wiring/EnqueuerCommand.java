package dev.sluice.enqueuer.wiring;

import dev.sluice.enqueuer.adapter.http.EnqueuerServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code sluice enqueuer}: serves the enqueuer API, configured from {@code SLUICE_*} variables and
 * the AWS SDK's standard chain, until SIGTERM. Unreachable queues or buckets at boot do not stop
 * it: they are logged, and {@code /readyz} answers 503 until they answer, so an orchestrator keeps
 * traffic away meanwhile. A bad configuration does stop it, with the key and what was expected.
 */
@Command(name = "enqueuer", mixinStandardHelpOptions = true,
    description = "Serve the enqueuer HTTP API (POST /v1/jobs, /v1/jobs:batch, /healthz, /readyz).",
    footer = {"", "Configuration (environment):",
        "  SLUICE_ENQUEUE_QUEUES, SLUICE_POLICY_FILE, SLUICE_API_TOKENS, SLUICE_DEDUP_BUCKET (required);",
        "  see enqueuer/README.md for the full table.",
        "  AWS_REGION, AWS_ENDPOINT_URL[_SQS|_S3], AWS_PROFILE, web identity: the SDK's standard chain."})
public final class EnqueuerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(EnqueuerCommand.class);

  private final Map<String, String> env;
  private final Function<EnqueuerConfig, SdkClients> clients;

  public EnqueuerCommand() {
    this(System.getenv());
  }

  public EnqueuerCommand(Map<String, String> env) {
    this(env, SdkClients::standard);
  }

  /** Serves with SQS and S3 reached through {@code clients} (e.g. a local stack). */
  public EnqueuerCommand(Map<String, String> env, Function<EnqueuerConfig, SdkClients> clients) {
    this.env = env;
    this.clients = clients;
  }

  @Override
  public Integer call() throws InterruptedException {
    OpenTelemetrySdk otel;
    try {
      otel = EnqueuerTracing.autoconfigured(env);
    } catch (RuntimeException e) {
      System.err.println("sluice enqueuer: invalid OTEL_* configuration: " + e.getMessage());
      return 2;
    }
    EnqueuerServer server;
    try {
      server = start(EnqueuerConfig.from(env), otel);
    } catch (IllegalArgumentException | IllegalStateException | SdkException e) {
      // SdkException: the AWS SDK found no region or credentials (set AWS_REGION, a profile, IRSA).
      System.err.println("sluice enqueuer: cannot start: " + e.getMessage());
      otel.close();
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      otel.close();
      log.info("Enqueuer stopped");
      stopped.countDown();
    }, "sluice-enqueuer-shutdown"));
    stopped.await();
    return 0;
  }

  private EnqueuerServer start(EnqueuerConfig config, OpenTelemetrySdk otel) {
    SdkClients aws = clients.apply(config);
    AwsEnqueuerComponent component = DaggerAwsEnqueuerComponent.builder()
        .config(config).sqs(aws.sqs()).s3(aws.s3()).openTelemetry(otel).build();
    EnqueuerServer server = component.server();
    List<String> problems = component.reachability().problems();
    problems.forEach(p -> log.error("Not ready at boot (readyz answers 503 until fixed): {}", p));
    server.start();
    log.info("Enqueuer listening on {}:{} ({} API tokens, queues {})", config.http().host(),
        server.port(), config.apiTokens().values().size(), config.queueUrls());
    return server;
  }
}
