package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.worker.port.Transcoder.FailureKind;
import dev.sluice.worker.port.Transcoder.Failed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from FFmpeg's exit status and the tail of its log whether another try could help. The
 * line matters: invalid input is dropped (retrying a broken file only burns workers), anything
 * else — a signal, a full disk, memory, an error nobody recognises — is treated as transient and
 * left to the retry budget and the dead-letter queue. Every reason keeps the stderr tail.
 */
final class FailureTriage {
  /** Log phrases by which FFmpeg says the source itself is broken or unusable. */
  private static final List<String> INPUT_INVALID = List.of(
      "invalid data found when processing input", "moov atom not found",
      "does not contain any stream", "error opening input", "picture size",
      "invalid image size", "could not find codec parameters", "decoding error",
      "output file is empty, nothing was encoded", "partial file", "corrupt input packet",
      "format not on whitelist");
  /** Log phrases of a machine in trouble: these win over input phrases seen earlier in the log. */
  private static final List<String> RESOURCES = List.of("no space left on device",
      "cannot allocate memory", "resource temporarily unavailable", "too many open files");
  /** Exit statuses of a child killed by a signal (128 + signal), by name. */
  private static final Map<Integer, String> SIGNALS = Map.of(132, "SIGILL", 134, "SIGABRT",
      135, "SIGBUS", 136, "SIGFPE", 137, "SIGKILL", 139, "SIGSEGV", 143, "SIGTERM");

  private FailureTriage() {}

  /** A non-zero exit. */
  static Failed exit(int code, List<String> stderr) {
    String tail = tail(stderr);
    Optional<String> missing = missingStream(stderr);
    if (missing.isPresent()) {
      return new Failed(FailureKind.INVALID_INPUT, "the source has no " + missing.get()
          + " stream for this preset; ffmpeg: " + tail);
    }
    if (says(stderr, RESOURCES)) {
      return new Failed(FailureKind.TRANSIENT, "ffmpeg ran out of a resource (exit " + code
          + "): " + tail);
    }
    if (saysInputInvalid(stderr)) {
      return new Failed(FailureKind.INVALID_INPUT, "ffmpeg rejected the source (exit " + code
          + "): " + tail);
    }
    if (SIGNALS.containsKey(code)) {
      return new Failed(FailureKind.TRANSIENT, "ffmpeg was killed by " + SIGNALS.get(code)
          + " (exit " + code + "): " + tail);
    }
    return new Failed(FailureKind.TRANSIENT, "ffmpeg failed (exit " + code + "): " + tail);
  }

  /**
   * FFmpeg exited 0 but the output failed verification. If its log shows damaged input (a
   * truncated file decodes up to the cut and exits 0), the input is to blame, not the output.
   */
  static Failed badOutput(String difference, List<String> stderr) {
    if (saysInputInvalid(stderr)) {
      return new Failed(FailureKind.INVALID_INPUT, "the source is damaged: " + difference
          + "; ffmpeg: " + tail(stderr));
    }
    String log = stderr.isEmpty() ? "" : "; ffmpeg: " + tail(stderr);
    return new Failed(FailureKind.BAD_OUTPUT, difference + log);
  }

  static boolean saysInputInvalid(List<String> stderr) {
    return says(stderr, INPUT_INVALID) && !says(stderr, RESOURCES);
  }

  private static boolean says(List<String> stderr, List<String> phrases) {
    return stderr.stream().map(l -> l.toLowerCase(Locale.ROOT))
        .anyMatch(l -> phrases.stream().anyMatch(l::contains));
  }

  /** "Stream map '0:a:0' matches no streams" names the kind the source lacks. */
  private static Optional<String> missingStream(List<String> stderr) {
    for (String line : stderr) {
      if (line.contains("matches no streams") || line.contains("for option 'map'")) {
        if (line.contains("0:a")) {
          return Optional.of("audio");
        }
        if (line.contains("0:V") || line.contains("0:v")) {
          return Optional.of("video");
        }
      }
    }
    return Optional.empty();
  }

  /** The stderr tail as one line, oldest first. */
  static String tail(List<String> stderr) {
    return stderr.isEmpty() ? "(no message)" : String.join(" | ", stderr);
  }
}
