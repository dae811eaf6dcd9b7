package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.worker.port.Transcoder.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one run wrote, as the publisher wants them (main file first, then HLS segments in
 * playlist order, named relative to the segment folder), and their total size for the cap.
 */
final class OutputFiles {
  private OutputFiles() {}

  static List<OutputFile> of(RenderPlan plan) throws IOException {
    List<OutputFile> files = new ArrayList<>();
    Path main = plan.mainOutput();
    files.add(new OutputFile(main, main.getFileName().toString(), plan.contentType()));
    if (plan.segmentDir().isPresent()) {
      Path dir = plan.segmentDir().get();
      for (String segment : HlsPlaylist.segments(main, dir)) {
        files.add(new OutputFile(dir.resolve(segment), segment, "video/mp2t"));
      }
    }
    return List.copyOf(files);
  }

  /** Bytes written so far; a file that vanishes or cannot be read counts as empty. */
  static long bytes(RenderPlan plan) {
    long total = sizeOf(plan.mainOutput());
    if (plan.segmentDir().isPresent() && Files.isDirectory(plan.segmentDir().get())) {
      try (var listing = Files.list(plan.segmentDir().get())) {
        total += listing.mapToLong(OutputFiles::sizeOf).sum();
      } catch (IOException e) {
        return total;
      }
    }
    return total;
  }

  /**
   * Removes what a failed run wrote, so a failed job leaves no half-written rendition behind even
   * before its work dir is deleted. Best effort: the work dir's own cleanup is the backstop.
   */
  static void delete(RenderPlan plan) {
    try {
      Files.deleteIfExists(plan.mainOutput());
      if (plan.segmentDir().isPresent() && Files.isDirectory(plan.segmentDir().get())) {
        try (var listing = Files.list(plan.segmentDir().get())) {
          for (Path file : listing.toList()) {
            Files.deleteIfExists(file);
          }
        }
        Files.deleteIfExists(plan.segmentDir().get());
      }
    } catch (IOException ignored) {
      // Left for the work dir's cleanup.
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
