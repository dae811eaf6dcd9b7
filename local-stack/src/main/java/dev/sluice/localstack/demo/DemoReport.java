package dev.sluice.localstack.demo;

import dev.sluice.worker.domain.JobOutcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo's final table: one row per job, with expected and actual outcome side by side. */
final class DemoReport {

  /** One row. */
  record Row(DemoJob job, Optional<DemoRun.Ended> ended, String output) {
    String actual() {
      return job.answeredByEnqueuer().orElseGet(() -> ended.map(e -> describe(e.outcome())).orElse("(no outcome)"));
    }

    boolean asExpected() {
      if (job.answeredByEnqueuer().isPresent()) {
        return job.answeredByEnqueuer().get().startsWith(job.expected());
      }
      return ended.map(e -> kindAndCause(e.outcome()).equals(job.expected())).orElse(false);
    }
  }

  private DemoReport() {}

  static String describe(JobOutcome outcome) {
    return switch (outcome) {
      case JobOutcome.Succeeded s -> "Succeeded (" + s.how() + ")";
      case JobOutcome.Dropped d -> "Dropped/" + d.cause();
      case JobOutcome.Retried r -> "Retried/" + r.cause();
    };
  }

  static String kindAndCause(JobOutcome outcome) {
    return switch (outcome) {
      case JobOutcome.Succeeded s -> "Succeeded";
      case JobOutcome.Dropped d -> "Dropped/" + d.cause();
      case JobOutcome.Retried r -> "Retried/" + r.cause();
    };
  }

  static void print(PrintStream out, List<Row> rows) {
    String format = "%-38s %-9s %-12s %-30s %-10s %7s  %s%n";
    out.printf(format, "job", "id", "variant", "outcome", "expected", "time", "output");
    out.println("-".repeat(150));
    for (Row row : rows) {
      out.printf(format, row.job().label(), DemoRun.shortId(row.job().jobId().orElse("-")),
          row.job().variant(), row.actual(), row.asExpected() ? "yes" : "NO: " + row.job().expected(),
          row.ended().map(e -> e.took().toMillis() + " ms").orElse("-"), row.output());
    }
  }

  static void printRequests(PrintStream out, Map<String, Long> counts, int jobs) {
    long sqs = counts.entrySet().stream().filter(e -> e.getKey().startsWith("Sqs")).mapToLong(Map.Entry::getValue).sum();
    long s3 = counts.entrySet().stream().filter(e -> e.getKey().startsWith("S3")).mapToLong(Map.Entry::getValue).sum();
    out.printf("%nRequests made by the worker for %d jobs: SQS %d (%.2f per job), S3 %d (%.2f per job)%n",
        jobs, sqs, (double) sqs / jobs, s3, (double) s3 / jobs);
    counts.forEach((op, n) -> out.printf("  %-40s %d%n", op, n));
  }
}
