package dev.sluice.worker.adapter.ffmpeg;

import java.util.OptionalInt;

/**
 * A catalogue preset as the FFmpeg adapter understands it: one record per kind, every field
 * typed and range-checked by {@link PresetSpecReader}. The argument builder reads only these
 * records, never the raw settings map, so nothing unchecked can reach an FFmpeg argument.
 */
sealed interface PresetSpec {

  String name();

  /** How video is encoded: x264 by quality with a rate cap, or NVENC on a GPU worker. */
  sealed interface VideoCoding {}

  record X264(int crf, String preset, int maxrateKbps, int bufsizeKbps) implements VideoCoding {}

  record Nvenc(String preset, String rateControl, int cq, int maxrateKbps, int bufsizeKbps)
      implements VideoCoding {}

  /** @param channels and {@code sampleRateHz}: empty keeps the source's */
  record AudioCoding(int bitrateKbps, OptionalInt channels, OptionalInt sampleRateHz) {}

  /** An MP4 rendition fitted inside {@code maxWidth} × {@code maxHeight}. */
  record Ladder(String name, int maxWidth, int maxHeight, VideoCoding video, AudioCoding audio,
      boolean faststart) implements PresetSpec {}

  /** An audio-only MP4 (m4a). */
  record AudioOnly(String name, AudioCoding audio, boolean faststart) implements PresetSpec {}

  /** One JPEG frame at {@code offsetFraction} of the duration, at most {@code width} wide. */
  record Thumbnail(String name, int width, double offsetFraction, int quality)
      implements PresetSpec {}

  /** A looping GIF of at most {@code maxSeconds}, starting at {@code startFraction}. */
  record Animation(String name, double startFraction, double maxSeconds, int fps, int width,
      boolean loop) implements PresetSpec {}

  /** A VOD HLS rendition: playlist plus MPEG-TS segments of {@code segmentSeconds}. */
  record Hls(String name, int maxWidth, int maxHeight, VideoCoding video, AudioCoding audio,
      int keyframeSeconds, int segmentSeconds) implements PresetSpec {}
}
