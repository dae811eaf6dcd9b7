package dev.sluice.worker.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} a producer put on a message. Parsed leniently in the sense that a
 * garbage value is ignored (empty), never an error: trace context must not be able to fail a job.
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
  private static final Pattern FORM =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

  public static Optional<TraceParent> parse(String header) {
    if (header == null || header.length() > 512) {
      return Optional.empty();
    }
    var m = FORM.matcher(header.trim());
    if (!m.matches() || m.group(1).equals("ff")) {
      return Optional.empty();
    }
    if (m.group(1).equals("00") && m.group(5) != null) {
      return Optional.empty();
    }
    String traceId = m.group(2);
    String spanId = m.group(3);
    if (traceId.chars().allMatch(c -> c == '0') || spanId.chars().allMatch(c -> c == '0')) {
      return Optional.empty();
    }
    boolean sampled = (Integer.parseInt(m.group(4), 16) & 1) == 1;
    return Optional.of(new TraceParent(traceId, spanId, sampled));
  }
}
