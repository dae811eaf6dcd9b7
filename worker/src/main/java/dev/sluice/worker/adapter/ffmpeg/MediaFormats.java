package dev.sluice.worker.adapter.ffmpeg;

import java.nio.file.Path;

/**
 * Which FFmpeg demuxers may open which files, and how a path is named to FFmpeg. A source may be
 * any common single-file media container, but not a playlist or concatenation format (hls,
 * concat, image2 sequences...) whose demuxer would open further files named inside the source.
 */
final class MediaFormats {
  /** Demuxers a source may be read with (FFmpeg's {@code -format_whitelist}). */
  static final String SOURCE = String.join(",",
      "mov", "mp4", "m4a", "3gp", "3g2", "mj2", "matroska", "webm", "avi", "flv", "asf",
      "mpegts", "mpeg", "mpegvideo", "m4v", "h264", "hevc", "mxf", "dv", "ogg", "wav", "w64",
      "aiff", "mp3", "aac", "flac", "gif", "yuv4mpegpipe", "png_pipe", "jpeg_pipe", "webp_pipe");

  /**
   * The largest frame FFmpeg may decode (its {@code -max_pixels}), 8192 × 8192: room for 8K video,
   * but a small PNG or Y4M declaring a huge frame is refused before its pixels are allocated,
   * even inside ffprobe, which decodes a first frame to learn a stream's pixel format.
   */
  static final String MAX_DECODE_PIXELS = Long.toString(8192L * 8192L);

  /** The demuxers that read back what each output container wrote. */
  static String reading(String container) {
    return switch (container) {
      case "mp4" -> "mov,mp4,m4a,3gp,3g2,mj2";
      case "image2" -> "image2,jpeg_pipe";
      case "gif" -> "gif";
      case "hls" -> "hls,mpegts";
      default -> throw new IllegalArgumentException("no reader for container " + container);
    };
  }

  /**
   * The {@code file:} URL of a local path: FFmpeg then never reads a name with a colon as a
   * protocol, nor a leading dash as an option.
   */
  static String fileUrl(Path path) {
    return "file:" + path.toAbsolutePath();
  }

  private MediaFormats() {}
}
