package dev.sluice.localstack.demo;

import dev.sluice.worker.adapter.ffmpeg.FfmpegBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The demo's source media: a short 720p test pattern with a tone, made by the bundled ffmpeg from
 * its lavfi sources (argument list, no shell), so the demo needs no media files in the repository.
 */
final class SampleClip {
  private SampleClip() {}

  static Path generate(FfmpegBinaries ffmpeg, Path dir, int seconds) throws IOException, InterruptedException {
    Path out = dir.resolve("sample-clip.mp4");
    ProcessBuilder pb = ffmpeg.ffmpeg(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "128k", "-shortest", "-movflags", "+faststart", out.toString()));
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("sample-clip.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("ffmpeg could not generate the sample clip; see " + dir.resolve("sample-clip.log"));
    }
    return out;
  }

  /** Bytes for a source that is never decoded (the policy refuses it before any fetch). */
  static byte[] opaque(int size, long seed) {
    byte[] out = new byte[size];
    new Random(seed).nextBytes(out);
    return out;
  }

  static byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }
}
