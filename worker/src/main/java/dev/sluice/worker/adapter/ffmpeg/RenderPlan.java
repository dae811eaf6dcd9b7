package dev.sluice.worker.adapter.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one FFmpeg run needs and promises: its arguments (run in the work dir), the files it
 * writes, what a correct output looks like, and how much media it works through (the base of the
 * progress percentage and of the time limit).
 *
 * @param arguments FFmpeg's arguments without the executable; outputs named relative to the work dir
 * @param mainOutput the main file (MP4, JPEG, GIF, or the HLS playlist)
 * @param segmentDir where an HLS rendition's segments go
 * @param contentType the main file's MIME type
 * @param expected what the verifier checks on the output
 * @param work the media time FFmpeg has to produce; zero for a single frame
 */
record RenderPlan(
    List<String> arguments,
    Path mainOutput,
    Optional<Path> segmentDir,
    String contentType,
    Expected expected,
    Duration work) {

  RenderPlan {
    arguments = List.copyOf(arguments);
  }

  /** When an output must carry audio. */
  enum Audio {
    REQUIRED,
    /** A video rendition keeps the source's audio if it has some, and is silent otherwise. */
    IF_SOURCE_HAS,
    ABSENT
  }

  /**
   * @param container the output's format as ffprobe names it ({@code mp4}, {@code image2}...)
   * @param videoCodec the video codec, or empty when there must be no video
   * @param frame the exact frame size of the video
   * @param audio whether audio must be there
   * @param duration the output's length, within the verifier's tolerance; empty for a still
   */
  record Expected(String container, Optional<String> videoCodec, Optional<FrameSize> frame,
      Audio audio, Optional<Duration> duration) {}
}
