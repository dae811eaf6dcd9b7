package dev.sluice.worker.wiring;

import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.worker.adapter.log.LogTelemetry;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import dev.sluice.worker.app.WorkerProcess;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code sluice worker}: runs a production worker configured from {@code SLUICE_*} variables and the
 * AWS SDK's standard chain, until SIGTERM, then drains.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Run a worker against SQS and S3, configured from SLUICE_* and AWS_* variables.",
    footer = {"", "Configuration (environment):",
        "  SLUICE_QUEUES, SLUICE_POLICY_FILE (required); see README.md for the full table.",
        "  AWS_REGION, AWS_ENDPOINT_URL[_SQS|_S3], AWS_PROFILE, web identity: the SDK's standard chain."})
public final class WorkerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

  private final Map<String, String> env;

  public WorkerCommand() {
    this(System.getenv());
  }

  public WorkerCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    WorkerConfig config;
    WorkerProcess process;
    try {
      config = WorkerConfig.from(env);
      AwsClients clients = AwsClients.standard(config.s3PathStyle());
      process = DaggerAwsWorkerComponent.builder()
          .config(config).sqs(clients.sqs()).s3(clients.s3())
          // Until the FFmpeg transcoder lands (issue C) the worker copies sources as renditions.
          .transcoder(new CopyingTranscoder()).mediaProbe(FixedMediaProbe.shortHdClip())
          .telemetry(new LogTelemetry())
          .build().process();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("sluice worker: cannot start: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        boolean clean = process.stop(config.drainTimeout());
        log.info("Worker stopped ({})", clean ? "drained" : "drain timeout passed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        stopped.countDown();
      }
    }, "sluice-shutdown"));
    process.start();
    stopped.await();
    return 0;
  }
}
