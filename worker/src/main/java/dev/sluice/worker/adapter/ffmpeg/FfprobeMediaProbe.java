package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.End;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Exited;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.NotStarted;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Stopped;
import dev.sluice.worker.port.MediaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file's container, duration, video size and rate and audio tracks with the bundled
 * {@code ffprobe}, under a hard time limit. Only the entries it needs are printed (never tags,
 * which a hostile file can make huge), ffprobe may open only local files, a source may only
 * be one of {@link MediaFormats#SOURCE} — so a playlist posing as a video cannot make FFmpeg read
 * other files — and no frame over {@link MediaFormats#MAX_DECODE_PIXELS} is decoded.
 */
public final class FfprobeMediaProbe implements MediaProbe {
  /** The longest a probe may take: ffprobe reads headers and a few packets, not the whole file. */
  public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(20);
  private static final int MAX_JSON_CHARS = 1 << 20;
  private static final String ENTRIES = "format=format_name,duration"
      + ":stream=index,codec_type,codec_name,width,height,r_frame_rate,avg_frame_rate,duration"
      + ":stream_disposition=attached_pic:stream_side_data=rotation";

  private final FfmpegBinaries binaries;
  private final Duration limit;
  private final ProbeJson json = new ProbeJson();

  public FfprobeMediaProbe(FfmpegBinaries binaries, Duration limit) {
    if (!limit.isPositive()) {
      throw new IllegalArgumentException("probe limit must be positive, was " + limit);
    }
    this.binaries = binaries;
    this.limit = limit;
  }

  public FfprobeMediaProbe(FfmpegBinaries binaries) {
    this(binaries, DEFAULT_LIMIT);
  }

  @Override
  public ProbeResult probe(Path file) {
    return switch (inspect(file, MediaFormats.SOURCE)) {
      case ProbeReport report -> new Probed(report.container(), report.facts());
      case Inspection.Unreadable u -> new Unreadable(u.reason());
    };
  }

  /** Probes {@code file}, allowing only the demuxers named in {@code formats} (comma list). */
  Inspection inspect(Path file, String formats) {
    try {
      if (Files.size(file) == 0) {
        return new Inspection.Unreadable("the file is empty");
      }
    } catch (IOException e) {
      return new Inspection.Unreadable("the file cannot be read: " + e.getMessage());
    }
    StringBuilder out = new StringBuilder();
    List<String> args = List.of("-hide_banner", "-v", "error", "-protocol_whitelist", "file",
        "-format_whitelist", formats, "-max_pixels", MediaFormats.MAX_DECODE_PIXELS,
        "-print_format", "json", "-show_entries", ENTRIES, MediaFormats.fileUrl(file));
    End end = SupervisedProcess.run(binaries.ffprobe(args), limit, Optional::empty, line -> {
      if (out.length() < MAX_JSON_CHARS) {
        out.append(line).append('\n');
      }
    });
    return switch (end) {
      case Exited e when e.code() == 0 && out.length() < MAX_JSON_CHARS ->
          withStderr(json.parse(out.toString()), e.stderr());
      case Exited e when e.code() == 0 -> new Inspection.Unreadable("ffprobe's report is over "
          + MAX_JSON_CHARS + " characters (too many streams)");
      case Exited e ->
          new Inspection.Unreadable("ffprobe exit " + e.code() + ": " + said(e.stderr()));
      case Stopped s -> new Inspection.Unreadable("ffprobe did not finish within "
          + limit.toMillis() + " ms and was killed: " + said(s.stderr()));
      case NotStarted n -> new Inspection.Unreadable(n.reason());
    };
  }

  private static Inspection withStderr(Inspection parsed, List<String> stderr) {
    if (parsed instanceof Inspection.Unreadable u && !stderr.isEmpty()) {
      return new Inspection.Unreadable(u.reason() + "; ffprobe: " + said(stderr));
    }
    return parsed;
  }

  /** What ffprobe wrote to stderr (at {@code -v error}: a few lines naming the problem). */
  static String said(List<String> stderr) {
    return stderr.isEmpty() ? "(no message)" : String.join(" / ", stderr);
  }
}
