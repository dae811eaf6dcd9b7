package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.Preset;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.End;
import dev.sluice.worker.adapter.ffmpeg.SupervisedProcess.Exited;
import dev.sluice.worker.port.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Test media made with the bundled ffmpeg itself (lavfi {@code testsrc2} and {@code sine}),
 * small and short, generated once per test class into its temp dir and reused by name.
 */
final class TestMedia {
  /** The bundled executables, extracted once per test JVM. */
  static final FfmpegBinaries BINARIES = FfmpegBinaries.bundled();
  static final BundledCatalogue CATALOGUE = BundledCatalogue.load();

  private final Path dir;

  TestMedia(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * An MP4 with H.264 video (odd sizes as 4:4:4, which allows them) and AAC audio. The file name
   * carries every parameter, so two tests asking for different clips never share one.
   */
  Path clip(String name, int width, int height, double seconds) {
    return generate(name(name, width, height, seconds) + ".mp4", video(width, height, seconds),
        sine(seconds), codecs(width, height, true));
  }

  Path videoOnly(String name, int width, int height, double seconds) {
    return generate(name(name + "-v", width, height, seconds) + ".mp4",
        video(width, height, seconds), List.of(), codecs(width, height, false));
  }

  Path audioOnly(String name, double seconds) {
    return generate(name(name + "-a", 0, 0, seconds) + ".m4a", List.of(), sine(seconds),
        List.of("-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", "-f", "mp4"));
  }

  /** {@code source} with a display matrix saying "turn {@code degrees}" (as phones record). */
  Path rotated(Path source, int degrees) {
    String name = source.getFileName().toString().replace(".mp4", "-rot" + degrees + ".mp4");
    return generate(name, List.of("-display_rotation:v:0", Integer.toString(degrees), "-i",
        source.toString()), List.of(), List.of("-c", "copy", "-f", "mp4"));
  }

  /** Writes {@code bytes} as a file in the media dir (for hostile inputs). */
  Path file(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path text(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.US_ASCII));
  }

  /** A fresh, empty work dir for one transcode. */
  Path workDir(String name) {
    try {
      return Files.createDirectories(dir.resolve("work").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Preset preset(String name) {
    return CATALOGUE.find(name).orElseThrow();
  }

  static FfprobeMediaProbe probe() {
    return new FfprobeMediaProbe(BINARIES);
  }

  static MediaFacts facts(Path file) {
    return switch (probe().probe(file)) {
      case MediaProbe.Probed p -> p.facts();
      case MediaProbe.Unreadable u -> throw new AssertionError(file + ": " + u.reason());
    };
  }

  static ProbeReport report(Path file, String formats) {
    return (ProbeReport) probe().inspect(file, formats);
  }

  /** The ffmpeg or ffprobe processes this JVM started that are still alive. */
  static List<ProcessHandle> ffmpegChildren() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg") || c.endsWith("/ffprobe"))
            .orElse(false))
        .toList();
  }

  private static String name(String name, int width, int height, double seconds) {
    return String.format(Locale.ROOT, "%s-%dx%d-%dms", name, width, height,
        Math.round(seconds * 1000));
  }

  private Path generate(String name, List<String> video, List<String> audio, List<String> out) {
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      return target;
    }
    List<String> args = new ArrayList<>(List.of("-nostdin", "-y", "-hide_banner", "-v", "error"));
    args.addAll(video);
    args.addAll(audio);
    args.addAll(out);
    args.add(target.toString());
    End end = SupervisedProcess.run(BINARIES.ffmpeg(args), Duration.ofSeconds(60),
        Optional::empty, line -> { });
    if (!(end instanceof Exited e) || e.code() != 0) {
      throw new IllegalStateException("could not generate " + name + ": " + end);
    }
    return target;
  }

  private static List<String> video(int width, int height, double seconds) {
    return List.of("-f", "lavfi", "-i", String.format(Locale.ROOT,
        "testsrc2=size=%dx%d:rate=25:duration=%.3f", width, height, seconds));
  }

  private static List<String> sine(double seconds) {
    return List.of("-f", "lavfi", "-i", String.format(Locale.ROOT,
        "sine=frequency=440:sample_rate=48000:duration=%.3f", seconds));
  }

  private static List<String> codecs(int width, int height, boolean audio) {
    boolean odd = width % 2 != 0 || height % 2 != 0;
    List<String> args = new ArrayList<>(List.of("-c:v", "libx264", "-preset", "ultrafast",
        "-pix_fmt", odd ? "yuv444p" : "yuv420p"));
    if (audio) {
      args.addAll(List.of("-c:a", "aac", "-b:a", "96k"));
    }
    args.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
    return args;
  }
}
