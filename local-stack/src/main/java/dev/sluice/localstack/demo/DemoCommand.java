package dev.sluice.localstack.demo;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.queue.adapter.aws.RequestCounter;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.worker.adapter.log.LogTelemetry;
import dev.sluice.worker.adapter.otel.OtelJobTelemetry;
import dev.sluice.worker.adapter.otel.WorkerMetrics;
import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.wiring.AwsWorkerComponent;
import dev.sluice.worker.wiring.DaggerAwsWorkerComponent;
import dev.sluice.worker.wiring.MediaTools;
import dev.sluice.worker.wiring.WorkerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice demo}: Sluice's main job end to end on an embedded stack — ElasticMQ and S3Mock on
 * loopback, the real SQS/S3 adapters and the real worker loop — with a mixed set of jobs whose
 * expected outcomes are checked. Exit 0 only when every job ended as expected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run Sluice end to end on an embedded local stack (no Docker, no AWS account).")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--keep", description = "Leave the stack running and print the variables to reach it.")
  boolean keep;

  @Option(names = "--dir", description = "Where the demo keeps its files (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of(".sluice", "demo");

  @Option(names = "--verbose", description = "Also show the worker's own log lines.")
  boolean verbose;

  @Option(names = "--timeout", description = "Give up waiting for outcomes after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout = Duration.ofMinutes(3);

  private static final int CLIP_SECONDS = 4;

  private DemoTracing tracing;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Path root = dir.toAbsolutePath();
    clean(root);
    if (!verbose) {
      // The demo prints its own progress and table; the worker's ERROR lines for the jobs it is
      // meant to drop would read like failures.
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.sluice"))
          .setLevel(ch.qos.logback.classic.Level.OFF);
    }
    out.println("Starting the embedded stack (ElasticMQ + S3Mock on 127.0.0.1) in " + root + " ...");
    EmbeddedStack stack = EmbeddedStack.start(root.resolve("stack"));
    try {
      return run(stack, root);
    } finally {
      if (tracing != null) {
        tracing.close();
      }
      if (!keep) {
        stack.close();
      }
    }
  }

  private int run(EmbeddedStack stack, Path root) throws Exception {
    PresetCatalogue catalogue = BundledCatalogue.load();
    MediaTools media = MediaTools.boot(Map.of(), ResourceClass.CPU, catalogue);
    out.println("Generating a " + CLIP_SECONDS + " s 720p sample clip with the bundled ffmpeg ...");
    Path clip = SampleClip.generate(media.binaries(), root, CLIP_SECONDS);
    DemoStack.Layout layout = DemoStack.lay(stack, root, clip);
    out.println("  SQS " + stack.sqsEndpoint() + "   S3 " + stack.s3Endpoint());
    RequestCounter requests = new RequestCounter();
    DemoRun watch = new DemoRun(out);
    tracing = new DemoTracing(System.getenv());
    var awsSpans = new dev.sluice.worker.adapter.otel.AwsClientSpans(tracing.sdk());
    var otelTelemetry = new OtelJobTelemetry(tracing.sdk(),
        new WorkerMetrics(tracing.sdk().getMeter("dev.sluice.worker")), new AssetRedaction(false));
    AwsWorkerComponent worker = DaggerAwsWorkerComponent.builder()
        .config(workerConfig(layout, root))
        .sqs(AwsClients.local(stack.sqsEndpoint()).with(requests).with(awsSpans).sqs())
        .s3(AwsClients.local(stack.s3Endpoint()).with(requests).with(awsSpans).s3())
        .transcoder(media.transcoder())
        .mediaProbe(media.probe())
        .telemetry(new TeeTelemetry(otelTelemetry, new LogTelemetry(watch::on)))
        .build();
    DemoScenario scenario = new DemoScenario(catalogue);
    QueueRef queue = QueueRef.of(layout.queues().url());
    WorkerProcess process = worker.process();
    requests.reset();
    process.start();
    out.println("Worker started with 2 loops.");
    List<DemoJob> jobs = new ArrayList<>();
    try (DemoEnqueuer enqueuer = new DemoEnqueuer(stack, layout.queues().url(), layout.policyFile(),
        DemoStack.STATE_BUCKET, tracing.processor())) {
      out.println("Enqueuing through the enqueuer's HTTP API (POST /v1/jobs) ...");
      jobs.addAll(throughApi(enqueuer, layout));
      List<DemoJob> direct = scenario.bypassingTheEnqueuer(layout.banned());
      out.println("Sending " + direct.size() + " messages straight to the queue, as a misbehaving producer would ...");
      send(stack, queue, direct);
      jobs.addAll(direct);
      awaitEnded(watch, reachingWorker(jobs));
      out.println("Asking for an output that exists, through the API and straight to the queue ...");
      jobs.add(duplicateRequest(enqueuer, layout, jobs));
      DemoJob duplicate = scenario.duplicate(layout.clip());
      send(stack, queue, List.of(duplicate));
      jobs.add(duplicate);
      awaitEnded(watch, reachingWorker(jobs));
    }
    process.stop(Duration.ofSeconds(10));
    return report(stack, layout, jobs, watch, requests, catalogue);
  }

  private int report(EmbeddedStack stack, DemoStack.Layout layout, List<DemoJob> jobs, DemoRun watch,
      RequestCounter requests, PresetCatalogue catalogue) throws InterruptedException {
    List<DemoReport.Row> rows = new ArrayList<>();
    for (DemoJob job : jobs) {
      var ended = !job.reachesWorker() ? java.util.Optional.<DemoRun.Ended>empty()
          : job.jobId().isPresent() ? watch.endedJob(job.jobId().get()) : watch.firstAnonymous();
      String output = ended.flatMap(e -> e.outcome() instanceof dev.sluice.worker.domain.JobOutcome.Succeeded s
          ? s.output().map(ObjectRef::toUri) : java.util.Optional.empty()).orElse("-");
      rows.add(new DemoReport.Row(job, ended, output));
    }
    out.println();
    DemoReport.print(out, rows);
    DemoReport.printRequests(out, requests.snapshot(), reachingWorker(jobs));
    out.println();
    out.println("Outputs: S3Mock keeps them under " + stack.s3Endpoint() + "/" + DemoStack.OUTPUT_BUCKET
        + "/renditions/ (files in " + dir.toAbsolutePath().resolve("stack/store") + ").");
    out.println("Dead letters (raw body + cause + reason): queue " + layout.queues().deadLetterUrl());
    printTraces(jobs);
    boolean allAsExpected = rows.stream().allMatch(DemoReport.Row::asExpected);
    out.println(allAsExpected ? "Every job ended as expected." : "SOME JOBS DID NOT END AS EXPECTED.");
    if (keep) {
      keepRunning(stack, layout);
    }
    return allAsExpected ? 0 : 1;
  }

  private List<DemoJob> throughApi(DemoEnqueuer enqueuer, DemoStack.Layout layout) throws Exception {
    List<DemoJob> jobs = new ArrayList<>();
    var fresh = enqueuer.post("demo-clip", layout.clip(), Optional.empty(), DemoScenario.FRESH_VARIANTS);
    requireStatus(fresh, 202);
    out.println("  202 Accepted: " + DemoEnqueuer.jobs(fresh).size() + " jobs, request trace "
        + fresh.body().path("traceId").asText());
    for (String[] j : DemoEnqueuer.jobs(fresh)) {
      jobs.add(new DemoJob("fresh " + j[0], Optional.of(j[1]), j[0], "", "Succeeded"));
    }
    var tampered = enqueuer.post("demo-clip-tampered", layout.clip(), Optional.of("0".repeat(63) + "1"),
        List.of("h264-360p"));
    requireStatus(tampered, 202);
    String[] t = DemoEnqueuer.jobs(tampered).get(0);
    jobs.add(new DemoJob("tampered digest", Optional.of(t[1]), t[0], "", "Dropped/TAMPERED"));
    var denied = enqueuer.post("banned-asset", layout.banned(), Optional.empty(), List.of("h264-360p"));
    jobs.add(DemoJob.answered("denied asset, through the API", Optional.empty(), "h264-360p",
        "Refused " + denied.status() + " " + denied.body().path("cause").asText(), "Refused 403"));
    return jobs;
  }

  private DemoJob duplicateRequest(DemoEnqueuer enqueuer, DemoStack.Layout layout, List<DemoJob> jobs)
      throws Exception {
    var again = enqueuer.post("demo-clip", layout.clip(), Optional.empty(), List.of("h264-360p"));
    String[] j = DemoEnqueuer.jobs(again).isEmpty() ? new String[] {"h264-360p", "-", "false"}
        : DemoEnqueuer.jobs(again).get(0);
    String original = jobs.stream().filter(d -> d.label().equals("fresh h264-360p")).findFirst()
        .flatMap(DemoJob::jobId).orElse("?");
    String answer = again.status() == 200 && j[2].equals("true") && j[1].equals(original)
        ? "Deduplicated 200 (same job id)" : "Not deduplicated: HTTP " + again.status();
    return DemoJob.answered("duplicate request, through the API", Optional.of(j[1]), j[0], answer, "Deduplicated");
  }

  private static int reachingWorker(List<DemoJob> jobs) {
    return (int) jobs.stream().filter(DemoJob::reachesWorker).count();
  }

  private static void requireStatus(dev.sluice.enqueuer.adapter.http.ApiResponse response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("the enqueuer answered " + response.status() + ": " + response.body());
    }
  }

  /** Explains one tampered and one successful job from their traces, as an operator would. */
  private void printTraces(List<DemoJob> jobs) {
    try {
      tracing.writeJsonLines(dir.toAbsolutePath().resolve("spans.jsonl"));
    } catch (IOException e) {
      out.println("(could not write spans.jsonl: " + e.getMessage() + ")");
    }
    for (String label : List.of("tampered digest", "fresh h264-360p")) {
      jobs.stream().filter(j -> j.label().equals(label) && j.jobId().isPresent()).findFirst()
          .flatMap(j -> TraceTree.processSpanOf(tracing.spans(), j.jobId().get()))
          .ifPresent(root -> {
            out.println();
            out.println("Trace of the " + label + " job:");
            TraceTree.print(out, tracing.spans(), root);
          });
    }
    out.println();
    out.println("All spans: " + dir.toAbsolutePath().resolve("spans.jsonl")
        + " (set OTEL_EXPORTER_OTLP_ENDPOINT to send them to a collector)");
  }

  private void keepRunning(EmbeddedStack stack, DemoStack.Layout layout) throws InterruptedException {
    out.println();
    out.println("The stack keeps running (Ctrl-C to stop). To point a worker at it:");
    out.println("  export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=sluice-local AWS_SECRET_ACCESS_KEY=sluice-local");
    out.println("  export AWS_ENDPOINT_URL_SQS=" + stack.sqsEndpoint() + " AWS_ENDPOINT_URL_S3=" + stack.s3Endpoint());
    out.println("  export SLUICE_S3_PATH_STYLE=true SLUICE_QUEUES=" + layout.queues().url());
    out.println("  export SLUICE_POLICY_FILE=" + layout.policyFile());
    out.println("  ./sluice worker");
    Thread.currentThread().join();
  }

  private static WorkerConfig workerConfig(DemoStack.Layout layout, Path root) {
    return WorkerConfig.from(Map.of(
        "SLUICE_QUEUES", layout.queues().url(),
        "SLUICE_POLICY_FILE", layout.policyFile().toString(),
        "SLUICE_LOOPS", "2",
        "SLUICE_LONG_POLL", "1s",
        "SLUICE_VISIBILITY_TIMEOUT", DemoStack.VISIBILITY.toSeconds() + "s",
        "SLUICE_LEASE_MARGIN", "10s",
        "SLUICE_WORK_DIR", root.resolve("work").toString(),
        "SLUICE_S3_PATH_STYLE", "true"));
  }

  /**
   * Enqueues through the stack's own (uncounted) client, standing in for the enqueuer, so the
   * request counts below are the worker's alone.
   */
  private void send(EmbeddedStack stack, QueueRef ref, List<DemoJob> jobs) {
    for (DemoJob job : jobs) {
      String traceparent = "00-" + java.util.UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
      stack.sqs().sendMessage(b -> b.queueUrl(ref.id()).messageBody(job.body()).messageAttributes(Map.of(
          "traceparent", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
              .dataType("String").stringValue(traceparent).build())));
    }
  }

  private void awaitEnded(DemoRun watch, int count) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (watch.endedCount() < count) {
      if (System.nanoTime() > deadline) {
        out.println("Timed out after " + timeout + " waiting for " + count + " outcomes.");
        return;
      }
      Thread.sleep(100);
    }
  }


  private static void clean(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(root);
  }
}
