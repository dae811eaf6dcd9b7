package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.worker.adapter.ffmpeg.RenderPlan.Audio;
import dev.sluice.worker.adapter.ffmpeg.RenderPlan.Expected;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Probes what FFmpeg wrote and compares it with what the plan promised — container, tracks, frame
 * size, duration — before anything is published. An exit status of 0 proves little: a truncated
 * source or a filter that dropped frames still exits 0, and a wrong rendition under a
 * content-addressed key would be served forever.
 */
final class OutputVerifier {
  /** How far an output's duration may stray from the source's (codec frame and priming slack). */
  static final Duration TOLERANCE = Duration.ofMillis(250);

  private final FileInspector outputs;
  private final FileInspector sources;

  /**
   * @param outputs reads this worker's own outputs
   * @param sources reads a (hostile) source, when the source's tracks must be known
   */
  OutputVerifier(FileInspector outputs, FileInspector sources) {
    this.outputs = outputs;
    this.sources = sources;
  }

  /** What differs from the plan, or empty when the output is as promised. */
  Optional<String> difference(RenderPlan plan, Path source) {
    Expected expected = plan.expected();
    String formats = MediaFormats.reading(expected.container());
    return switch (outputs.inspect(plan.mainOutput(), formats)) {
      case Inspection.Unreadable u -> Optional.of("the output is not readable as "
          + expected.container() + ": " + u.reason());
      case ProbeReport report -> container(report, formats)
          .or(() -> video(report, expected))
          .or(() -> audio(report, expected.audio(), source))
          .or(() -> duration(report, expected))
          .or(() -> plan.segmentDir().flatMap(dir -> HlsPlaylist.problem(plan.mainOutput(), dir)));
    };
  }

  private static Optional<String> container(ProbeReport report, String formats) {
    return Arrays.stream(formats.split(",")).anyMatch(report::containerIs)
        ? Optional.empty()
        : Optional.of("the output's container is " + report.container() + ", not " + formats);
  }

  private static Optional<String> video(ProbeReport report, Expected expected) {
    if (expected.videoCodec().isEmpty()) {
      return report.videoCodecs().isEmpty() ? Optional.empty()
          : Optional.of("the output has a video track it should not have");
    }
    if (report.video().isEmpty() || report.videoCodecs().size() != 1) {
      return Optional.of("the output has " + report.videoCodecs().size()
          + " video tracks, expected one");
    }
    var video = report.video().get();
    if (!video.codec().equals(expected.videoCodec().get())) {
      return Optional.of("the output's video is " + video.codec() + ", not "
          + expected.videoCodec().get());
    }
    FrameSize actual = new FrameSize(video.width(), video.height());
    return expected.frame().filter(size -> !size.equals(actual))
        .map(size -> "the output is " + actual + ", expected " + size);
  }

  private Optional<String> audio(ProbeReport report, Audio expected, Path source) {
    int tracks = report.audioTracks();
    return switch (expected) {
      case REQUIRED -> tracks == 1 ? Optional.empty()
          : Optional.of("the output has " + tracks + " audio tracks, expected one");
      case ABSENT -> tracks == 0 ? Optional.empty()
          : Optional.of("the output has audio it should not have");
      case IF_SOURCE_HAS -> tracks > 1
          ? Optional.of("the output has " + tracks + " audio tracks, expected at most one")
          : tracks == 1 || !sourceHasAudio(source) ? Optional.empty()
          : Optional.of("the source has audio but the output has none");
    };
  }

  /** Asked only when an output is silent, so the common case costs no second probe. */
  private boolean sourceHasAudio(Path source) {
    return sources.inspect(source, MediaFormats.SOURCE) instanceof ProbeReport r
        && r.audioTracks() > 0;
  }

  private static Optional<String> duration(ProbeReport report, Expected expected) {
    Optional<Duration> wanted = expected.duration().filter(Duration::isPositive);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    if (report.duration().isEmpty()) {
      return Optional.of("the output has no duration, expected " + millis(wanted.get()));
    }
    Duration off = report.duration().get().minus(wanted.get()).abs();
    return off.compareTo(TOLERANCE) <= 0 ? Optional.empty()
        : Optional.of("the output lasts " + millis(report.duration().get()) + ", expected "
            + millis(wanted.get()) + " ± " + TOLERANCE.toMillis() + " ms");
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
