package dev.sluice.localstack.demo;

import dev.sluice.worker.adapter.log.LogTelemetry;
import dev.sluice.worker.domain.JobOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the worker's telemetry during the demo: prints live progress lines and remembers each
 * job's outcome and duration for the final table.
 */
final class DemoRun {

  /** One finished delivery. */
  record Ended(String jobId, JobOutcome outcome, Duration took) {}

  private final PrintStream out;
  private final Map<String, Instant> started = new ConcurrentHashMap<>();
  private final Map<String, String> jobOfTrace = new ConcurrentHashMap<>();
  private final Map<String, Ended> endedByJob = new ConcurrentHashMap<>();
  private final Map<String, Integer> lastPercent = new ConcurrentHashMap<>();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger anonymous = new AtomicInteger();

  DemoRun(PrintStream out) {
    this.out = out;
  }

  void on(LogTelemetry.Event e) {
    started.putIfAbsent(e.traceId(), Instant.now());
    if (!"-".equals(e.jobId())) {
      jobOfTrace.put(e.traceId(), e.jobId());
    }
    String job = shortId(jobOfTrace.getOrDefault(e.traceId(), "-"));
    switch (e.what()) {
      case "progress" -> progress(job, e.percent());
      case "end" -> end(e);
      default -> {
        if (e.what().startsWith("start ")) {
          out.printf("  %-8s %s%n", job, e.what());
        }
      }
    }
  }

  private void progress(String job, int percent) {
    Integer last = lastPercent.put(job, percent);
    if (percent == 0 || percent == 100 || last == null || percent / 25 != last / 25) {
      out.printf("  %-8s transcode %3d %%%n", job, percent);
    }
  }

  private void end(LogTelemetry.Event e) {
    Duration took = Duration.between(started.get(e.traceId()), Instant.now());
    String jobId = jobOfTrace.get(e.traceId());
    if (jobId == null) {
      jobId = "malformed-" + anonymous.incrementAndGet();
    }
    endedByJob.put(jobId, new Ended(jobId, e.outcome(), took));
    ended.incrementAndGet();
    out.printf("  %-8s ended %s%n", shortId(jobId), DemoReport.describe(e.outcome()));
  }

  int endedCount() {
    return ended.get();
  }

  Optional<Ended> endedJob(String jobId) {
    return Optional.ofNullable(endedByJob.get(jobId));
  }

  Optional<Ended> firstAnonymous() {
    return Optional.ofNullable(endedByJob.get("malformed-1"));
  }

  static String shortId(String jobId) {
    return jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
  }
}
