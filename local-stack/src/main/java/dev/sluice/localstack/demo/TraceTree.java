package dev.sluice.localstack.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Prints one job's trace as an indented tree with durations and the outcome attributes. */
final class TraceTree {
  private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sluice.job.id");

  private TraceTree() {}

  static Optional<SpanData> processSpanOf(List<SpanData> spans, String jobId) {
    return spans.stream().filter(s -> s.getName().startsWith("process ")
        && jobId.equals(s.getAttributes().get(JOB_ID))).findFirst();
  }

  static void print(PrintStream out, List<SpanData> spans, SpanData root) {
    out.printf("trace %s%n", root.getTraceId());
    print(out, spans, root, 1);
    root.getLinks().forEach(l -> {
      out.printf("  linked to the producer span %s of the enqueue request, trace %s:%n",
          l.getSpanContext().getSpanId(), l.getSpanContext().getTraceId());
      spans.stream().filter(s -> s.getTraceId().equals(l.getSpanContext().getTraceId())
              && !s.getParentSpanContext().isValid())
          .forEach(requestRoot -> print(out, spans, requestRoot, 2));
    });
  }

  private static void print(PrintStream out, List<SpanData> spans, SpanData span, int depth) {
    double ms = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6;
    String label = "  ".repeat(depth) + span.getName();
    out.printf("%-40s %9.1f ms%s%n", label, ms, details(span));
    spans.stream()
        .filter(c -> c.getTraceId().equals(span.getTraceId()) && c.getParentSpanId().equals(span.getSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(c -> print(out, spans, c, depth + 1));
  }

  private static String details(SpanData span) {
    if (!span.getName().startsWith("process ")) {
      return "";
    }
    var a = span.getAttributes();
    String status = span.getStatus().getDescription();
    return "  outcome=" + a.get(AttributeKey.stringKey("sluice.job.outcome"))
        + " cause=" + a.get(AttributeKey.stringKey("sluice.job.cause"))
        + " attempt=" + a.get(AttributeKey.longKey("sluice.job.attempt"))
        + (status == null || status.isEmpty() ? "" : "\n" + "      reason: " + status);
  }
}
