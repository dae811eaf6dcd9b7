package dev.sluice.bench;

import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.adapter.ffmpeg.FfmpegBinaries;
import dev.sluice.worker.adapter.ffmpeg.FfmpegTranscoder;
import dev.sluice.worker.adapter.ffmpeg.FfprobeMediaProbe;
import dev.sluice.worker.adapter.ffmpeg.TranscoderSettings;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.worker.port.Transcoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What Sluice's transcoder costs over running FFmpeg by hand: the same 10 s 720p clip to
 * {@code h264-360p}, once as the bare bundled CLI with exactly the argv the transcoder builds,
 * once through {@link FfmpegTranscoder} (progress parsing, supervision, output verification),
 * alternating so drift in the machine's load hits both alike. The goal is a ratio of at most
 * 1.05. A measurement to run by hand, not a test: timings on a shared machine are noisy.
 */
public final class TranscodeBenchmark {
  private static final String PRESET = "h264-360p";

  private final FfmpegBinaries binaries;
  private final FfmpegTranscoder transcoder;
  private final Path root;

  private TranscodeBenchmark(FfmpegBinaries binaries, Path root) {
    this.binaries = binaries;
    this.transcoder = new FfmpegTranscoder(binaries, new FfprobeMediaProbe(binaries),
        TranscoderSettings.defaults(ResourceClass.CPU));
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    FfmpegBinaries binaries = FfmpegBinaries.bundled();
    binaries.verify();
    Path root = Files.createTempDirectory("sluice-bench-");
    try {
      new TranscodeBenchmark(binaries, root).measure(runs);
    } finally {
      delete(root);
    }
  }

  private void measure(int runs) throws Exception {
    Path clip = generateClip();
    MediaFacts facts = switch (new FfprobeMediaProbe(binaries).probe(clip)) {
      case MediaProbe.Probed p -> p.facts();
      case MediaProbe.Unreadable u ->
          throw new IllegalStateException("clip unreadable: " + u.reason());
    };
    System.out.printf(Locale.ROOT, "clip: %s, %s%n", clip.getFileName(), facts);
    List<String> argv = transcoder.command(request(clip, facts, "argv")).command();
    System.out.println("argv: " + String.join(" ", argv));
    cli(clip, facts, "warm-cli");
    sluice(clip, facts, "warm-sluice");
    List<Double> cli = new ArrayList<>();
    List<Double> sluice = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      if (i % 2 == 0) {
        cli.add(cli(clip, facts, "cli-" + i));
        sluice.add(sluice(clip, facts, "sluice-" + i));
      } else {
        sluice.add(sluice(clip, facts, "sluice-" + i));
        cli.add(cli(clip, facts, "cli-" + i));
      }
      System.out.printf(Locale.ROOT, "run %d: cli %.3f s, transcoder %.3f s%n", i + 1,
          cli.getLast(), sluice.getLast());
    }
    report(cli, sluice);
  }

  private static void report(List<Double> cli, List<Double> sluice) {
    double cliMedian = median(cli);
    double sluiceMedian = median(sluice);
    System.out.printf(Locale.ROOT, "median bare ffmpeg CLI:      %.3f s (%d runs)%n",
        cliMedian, cli.size());
    System.out.printf(Locale.ROOT, "median FfmpegTranscoder:     %.3f s (%d runs)%n",
        sluiceMedian, sluice.size());
    System.out.printf(Locale.ROOT, "ratio transcoder / CLI:      %.3f (goal <= 1.05)%n",
        sluiceMedian / cliMedian);
    // The fastest runs are the least disturbed by other load on a shared machine.
    System.out.printf(Locale.ROOT, "fastest: CLI %.3f s, transcoder %.3f s, ratio %.3f%n",
        min(cli), min(sluice), min(sluice) / min(cli));
  }

  private Transcoder.Request request(Path clip, MediaFacts facts, String name) throws IOException {
    Path work = Files.createDirectories(root.resolve(name));
    return new Transcoder.Request(clip, facts, BundledCatalogue.load().find(PRESET).orElseThrow(),
        work, "bench-" + name);
  }

  /** The transcoder's own argv, run bare: no supervision, no progress parsing, no verification. */
  private double cli(Path clip, MediaFacts facts, String name) throws Exception {
    ProcessBuilder pb = transcoder.command(request(clip, facts, name))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    long start = System.nanoTime();
    int exit = pb.start().waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("bare ffmpeg failed with exit " + exit);
    }
    return seconds;
  }

  private double sluice(Path clip, MediaFacts facts, String name) throws Exception {
    Transcoder.Request request = request(clip, facts, name);
    long start = System.nanoTime();
    Transcoder.Outcome outcome = transcoder.transcode(request, percent -> { }, () -> false);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!(outcome instanceof Transcoder.Transcoded)) {
      throw new IllegalStateException("transcoder failed: " + outcome);
    }
    return seconds;
  }

  /** Ten seconds of 1280x720 test pattern at 30 fps with a tone, encoded like a camera upload. */
  private Path generateClip() throws Exception {
    Path clip = root.resolve("clip-720p-10s.mp4");
    int exit = binaries.ffmpeg(List.of("-nostdin", "-y", "-hide_banner", "-v", "error",
            "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=10",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=10",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", clip.toString()))
        .inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("could not generate the clip (exit " + exit + ")");
    }
    return clip;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void delete(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
