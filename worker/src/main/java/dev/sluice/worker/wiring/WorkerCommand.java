package dev.sluice.worker.wiring;

import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.worker.adapter.http.HealthServer;
import dev.sluice.worker.adapter.otel.AwsClientSpans;
import dev.sluice.worker.adapter.otel.AwsRequestMetrics;
import dev.sluice.worker.adapter.otel.GuardMetrics;
import dev.sluice.worker.adapter.otel.OtelJobTelemetry;
import dev.sluice.worker.adapter.otel.QueueDepthSampler;
import dev.sluice.worker.adapter.otel.TelemetrySetup;
import dev.sluice.worker.adapter.otel.WorkerMetrics;
import dev.sluice.worker.app.AssetRedaction;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.worker.adapter.ffmpeg.FfmpegBinaries;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import dev.sluice.worker.app.WorkerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code sluice worker}: runs a production worker configured from a properties file, the
 * environment and flags (in rising precedence) and the AWS SDK's standard chain, until SIGTERM or
 * SIGINT; then drains and exits 0 when the drain was clean.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Run a worker against SQS and S3, configured from SLUICE_* and AWS_* variables.",
    footer = {"", "Configuration: defaults < --config file < environment < --set flags.",
        "  SLUICE_QUEUES, SLUICE_POLICY_FILE are required; see README.md for the full table.",
        "  AWS_REGION, AWS_ENDPOINT_URL[_SQS|_S3], AWS_PROFILE, web identity: the SDK's standard chain."})
public final class WorkerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

  @Option(names = "--config", description = "A properties file of SLUICE_* settings.")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--print-config", description = "Print the effective configuration (secrets masked) and exit.")
  boolean printConfig;

  @Option(names = "--check-ffmpeg",
      description = "Extract the bundled ffmpeg/ffprobe (JavaCPP cache), check they run, and exit.")
  boolean checkFfmpeg;

  private final Map<String, String> env;

  public WorkerCommand() {
    this(System.getenv());
  }

  public WorkerCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (checkFfmpeg) {
      try {
        FfmpegBinaries binaries = FfmpegBinaries.bundled();
        binaries.verify();
        System.out.println("ffmpeg " + binaries.ffmpegPath() + " and ffprobe " + binaries.ffprobePath() + " run");
        return 0;
      } catch (RuntimeException e) {
        System.err.println("sluice worker: FFmpeg is not usable: " + e.getMessage());
        return 2;
      }
    }
    Map<String, String> merged;
    WorkerConfig config;
    try {
      Path file = configFile != null ? configFile
          : new ConfigValues(env).raw("SLUICE_CONFIG_FILE").map(Path::of).orElse(null);
      merged = ConfigSources.layered(file, env, overrides);
      config = WorkerConfig.from(merged);
    } catch (IllegalArgumentException e) {
      System.err.println("sluice worker: invalid configuration: " + e.getMessage());
      return 2;
    }
    if (printConfig) {
      var known = new java.util.HashMap<>(WorkerConfig.KEYS);
      known.putAll(MediaTools.KEYS);
      System.out.print(ConfigSources.describe(merged, known));
      System.out.println("# effective: " + config);
      return 0;
    }
    return run(config, merged);
  }

  private int run(WorkerConfig config, Map<String, String> merged) throws InterruptedException {
    WorkerProcess process;
    OpenTelemetrySdk otel;
    try {
      otel = TelemetrySetup.autoconfigured("sluice-worker", env);
    } catch (RuntimeException e) {
      System.err.println("sluice worker: invalid OTEL_* configuration: " + e.getMessage());
      return 2;
    }
    try {
      Meter meter = otel.getMeter("dev.sluice.worker");
      WorkerMetrics metrics = new WorkerMetrics(meter);
      AwsClients clients = AwsClients.standard(config.s3PathStyle())
          .with(new AwsClientSpans(otel))
          .with(new AwsRequestMetrics(metrics));
      boolean copy = "copy".equals(new ConfigValues(merged).raw("SLUICE_TRANSCODER").orElse("ffmpeg"));
      MediaTools media = copy ? null
          : MediaTools.boot(merged, config.settings().resourceClass(), BundledCatalogue.load());
      AwsWorkerComponent component = DaggerAwsWorkerComponent.builder()
          .config(config).sqs(clients.sqs()).s3(clients.s3())
          // "copy" is for load and chaos tests where media is not the point: sources become outputs.
          .transcoder(copy ? new CopyingTranscoder() : media.transcoder())
          .mediaProbe(copy ? FixedMediaProbe.shortHdClip() : media.probe())
          .telemetry(new OtelJobTelemetry(otel, metrics, new AssetRedaction(config.redactAssetIds())))
          .build();
      process = component.process();
      Guards g = component.guards();
      GuardMetrics.bind(meter, List.of(g.sqs(), g.s3Source(), g.s3Output()));
      new QueueDepthSampler(component.sqsQueue(), Duration.ofSeconds(30)).bind(meter);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("sluice worker: cannot start: " + e.getMessage());
      otel.close();
      return 2;
    }
    try {
      return serve(config, process);
    } finally {
      otel.close();
    }
  }

  private int serve(WorkerConfig config, WorkerProcess process) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());
    process.start();
    try (HealthServer health = config.healthPort() == 0 ? null
        : HealthServer.start(config.healthPort(), process, config.livenessTimeout(), config.drainTimeout())) {
      stop.await();
      boolean clean = process.stop(config.drainTimeout());
      log.info("Worker stopped ({})", clean ? "drained cleanly" : "drain timeout passed");
      return clean ? 0 : 1;
    } catch (IOException e) {
      System.err.println("sluice worker: cannot open health port " + config.healthPort() + ": " + e.getMessage());
      process.stop(config.drainTimeout());
      return 2;
    }
  }
}
