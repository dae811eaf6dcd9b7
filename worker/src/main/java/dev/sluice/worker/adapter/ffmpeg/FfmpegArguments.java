package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Animation;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.AudioCoding;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.AudioOnly;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Hls;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Ladder;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Nvenc;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Thumbnail;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.VideoCoding;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.X264;
import dev.sluice.worker.adapter.ffmpeg.RenderPlan.Audio;
import dev.sluice.worker.adapter.ffmpeg.RenderPlan.Expected;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the FFmpeg argument list for one preset and source. Every argument is a constant, a
 * typed field of the {@link PresetSpec}, a number derived from the probe's facts, the source's
 * {@code file:} URL, or a name made from the validated output stem — nothing else from a job.
 * The encoder is always named, because the default H.264 encoder differs between FFmpeg builds.
 */
final class FfmpegArguments {
  private static final List<String> GLOBAL = List.of("-nostdin", "-y", "-hide_banner",
      "-v", "warning", "-nostats", "-progress", "pipe:1");

  private final int threads;

  FfmpegArguments(int threads) {
    this.threads = threads;
  }

  /** The source has a picture when the probe found a frame size. */
  static Optional<FrameSize> picture(MediaFacts facts) {
    if (facts.width().isEmpty() || facts.height().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FrameSize(facts.width().getAsInt(), facts.height().getAsInt()));
  }

  RenderPlan plan(PresetSpec spec, Path input, MediaFacts facts, Path workDir, String stem,
      String extension) {
    Path main = workDir.resolve(stem + "." + extension);
    return switch (spec) {
      case Ladder l -> ladder(l, input, facts, main);
      case AudioOnly a -> audioOnly(a, input, facts, main);
      case Thumbnail t -> thumbnail(t, input, facts, main);
      case Animation a -> animation(a, input, facts, main);
      case Hls h -> hls(h, input, facts, workDir, stem, main);
    };
  }

  private RenderPlan ladder(Ladder l, Path input, MediaFacts facts, Path main) {
    FrameSize size = picture(facts).orElseThrow().fitInside(l.maxWidth(), l.maxHeight());
    Duration length = facts.duration().orElse(Duration.ZERO);
    List<String> args = head(input, List.of());
    args.addAll(video(size, l.video()));
    args.addAll(audio(l.audio(), "0:a:0?"));
    args.addAll(tail("mp4", l.faststart(), main.getFileName().toString()));
    var expected = new Expected("mp4", Optional.of("h264"), Optional.of(size),
        Audio.IF_SOURCE_HAS, Optional.of(length));
    return new RenderPlan(args, main, Optional.empty(), "video/mp4", expected, length);
  }

  private RenderPlan audioOnly(AudioOnly a, Path input, MediaFacts facts, Path main) {
    Duration length = facts.duration().orElse(Duration.ZERO);
    List<String> args = head(input, List.of());
    args.add("-vn");
    args.addAll(audio(a.audio(), "0:a:0"));
    args.addAll(tail("mp4", a.faststart(), main.getFileName().toString()));
    var expected = new Expected("mp4", Optional.empty(), Optional.empty(), Audio.REQUIRED,
        Optional.of(length));
    return new RenderPlan(args, main, Optional.empty(), "audio/mp4", expected, length);
  }

  private RenderPlan thumbnail(Thumbnail t, Path input, MediaFacts facts, Path main) {
    FrameSize size = picture(facts).orElseThrow().fitWidth(t.width());
    double offset = lastFrameAtMost(facts, t.offsetFraction());
    List<String> args = head(input, List.of("-ss", seconds(offset)));
    args.addAll(List.of("-map", "0:V:0", "-an", "-frames:v", "1",
        "-vf", "scale=" + size.width() + ":" + size.height() + ":out_range=full",
        "-c:v", "mjpeg", "-q:v", Integer.toString(t.quality())));
    args.addAll(tail("image2", false, main.getFileName().toString()));
    return new RenderPlan(args, main, Optional.empty(), "image/jpeg", new Expected("image2",
        Optional.of("mjpeg"), Optional.of(size), Audio.ABSENT, Optional.empty()), Duration.ZERO);
  }

  private RenderPlan animation(Animation a, Path input, MediaFacts facts, Path main) {
    FrameSize size = picture(facts).orElseThrow().fitWidth(a.width());
    double total = facts.duration().map(d -> d.toNanos() / 1e9).orElse(a.maxSeconds());
    double start = lastFrameAtMost(facts, a.startFraction());
    double clip = Math.max(0.001, Math.min(a.maxSeconds(), total - start));
    List<String> args = head(input, List.of("-ss", seconds(start), "-t", seconds(clip)));
    // One graph makes the palette from this clip's own frames, then maps the frames onto it;
    // eof_action=pass keeps a clip shorter than one output frame (a one-frame source) from
    // rounding down to no frame at all.
    String graph = "fps=" + a.fps() + ":eof_action=pass,scale=" + size.width() + ":" + size.height()
        + ":flags=lanczos,split[a][b];[a]palettegen[p];[b][p]paletteuse";
    args.addAll(List.of("-map", "0:V:0", "-an", "-vf", graph, "-c:v", "gif",
        "-loop", a.loop() ? "0" : "-1"));
    args.addAll(tail("gif", false, main.getFileName().toString()));
    Duration clipLength = Duration.ofNanos(Math.round(clip * 1e9));
    return new RenderPlan(args, main, Optional.empty(), "image/gif", new Expected("gif",
        Optional.of("gif"), Optional.of(size), Audio.ABSENT, Optional.of(clipLength)), clipLength);
  }

  private RenderPlan hls(Hls h, Path input, MediaFacts facts, Path workDir, String stem,
      Path main) {
    FrameSize size = picture(facts).orElseThrow().fitInside(h.maxWidth(), h.maxHeight());
    Duration length = facts.duration().orElse(Duration.ZERO);
    List<String> args = head(input, List.of());
    args.addAll(video(size, h.video()));
    // Keyframes on a fixed grid let every segment start with one and be cut near segmentSeconds.
    args.addAll(List.of("-force_key_frames", "expr:gte(t,n_forced*" + h.keyframeSeconds() + ")"));
    args.addAll(audio(h.audio(), "0:a:0?"));
    args.addAll(List.of("-threads", Integer.toString(threads), "-map_metadata", "-1",
        "-f", "hls", "-hls_time", Integer.toString(h.segmentSeconds()),
        "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
        "-hls_flags", "independent_segments",
        "-hls_segment_filename", stem + "/seg%03d.ts", "-hls_base_url", stem + "/",
        main.getFileName().toString()));
    return new RenderPlan(args, main, Optional.of(workDir.resolve(stem)),
        "application/vnd.apple.mpegurl", new Expected("hls", Optional.of("h264"),
            Optional.of(size), Audio.IF_SOURCE_HAS, Optional.of(length)), length);
  }

  private static List<String> head(Path input, List<String> inputOptions) {
    List<String> args = new ArrayList<>(GLOBAL);
    args.addAll(List.of("-protocol_whitelist", "file", "-format_whitelist", MediaFormats.SOURCE,
        "-max_pixels", MediaFormats.MAX_DECODE_PIXELS));
    args.addAll(inputOptions);
    args.addAll(List.of("-i", MediaFormats.fileUrl(input)));
    return args;
  }

  private static List<String> video(FrameSize size, VideoCoding coding) {
    List<String> args = new ArrayList<>(List.of("-map", "0:V:0",
        "-vf", "scale=" + size.width() + ":" + size.height() + ",setsar=1", "-pix_fmt", "yuv420p"));
    switch (coding) {
      case X264 x -> args.addAll(List.of("-c:v", "libx264", "-preset", x.preset(),
          "-crf", Integer.toString(x.crf()), "-maxrate", x.maxrateKbps() + "k",
          "-bufsize", x.bufsizeKbps() + "k"));
      case Nvenc n -> args.addAll(List.of("-c:v", "h264_nvenc", "-preset", n.preset(),
          "-rc", n.rateControl(), "-cq", Integer.toString(n.cq()),
          "-maxrate", n.maxrateKbps() + "k", "-bufsize", n.bufsizeKbps() + "k"));
    }
    return args;
  }

  private static List<String> audio(AudioCoding coding, String map) {
    List<String> args = new ArrayList<>(List.of("-map", map, "-c:a", "aac",
        "-b:a", coding.bitrateKbps() + "k"));
    coding.channels().ifPresent(c -> args.addAll(List.of("-ac", Integer.toString(c))));
    coding.sampleRateHz().ifPresent(r -> args.addAll(List.of("-ar", Integer.toString(r))));
    return args;
  }

  /** Source metadata (camera, location) is dropped: outputs are public, sources may not be. */
  private List<String> tail(String format, boolean faststart, String output) {
    List<String> args = new ArrayList<>(List.of("-threads", Integer.toString(threads),
        "-map_metadata", "-1"));
    if (faststart) {
      args.addAll(List.of("-movflags", "+faststart"));
    }
    if (format.equals("image2")) {
      args.addAll(List.of("-update", "1"));
    }
    args.addAll(List.of("-f", format, output));
    return args;
  }

  /**
   * {@code fraction} of the duration, but no later than the last frame's start: an input seek
   * past the last frame yields no frame at all (a one-frame source at 25 % would).
   */
  private static double lastFrameAtMost(MediaFacts facts, double fraction) {
    double total = facts.duration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    double frame = 1 / facts.framesPerSecond().orElse(10);
    return Math.max(0, Math.min(fraction * total, total - frame));
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
