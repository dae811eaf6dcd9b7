package dev.sluice.worker.adapter.ffmpeg;

import dev.sluice.contract.preset.Preset;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Animation;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.AudioCoding;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.AudioOnly;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Hls;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Ladder;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Nvenc;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Thumbnail;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.VideoCoding;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.X264;
import java.util.Set;

/**
 * Turns a catalogue {@link Preset} into its typed {@link PresetSpec}, or fails naming the preset,
 * the setting and what was expected. Values are held to allow-lists and ranges FFmpeg accepts,
 * so a catalogue edit cannot smuggle an arbitrary encoder, filter or option into an argv.
 */
final class PresetSpecReader {
  static final Set<String> KINDS = Set.of("video", "audio", "image", "animation", "hls");
  private static final Set<String> X264_PRESETS = Set.of("ultrafast", "superfast", "veryfast",
      "faster", "fast", "medium", "slow", "slower", "veryslow");
  private static final Set<String> NVENC_PRESETS = Set.of("p1", "p2", "p3", "p4", "p5", "p6", "p7");
  private static final Set<Integer> SAMPLE_RATES = Set.of(22050, 24000, 32000, 44100, 48000);

  private PresetSpecReader() {}

  /** @throws IllegalArgumentException if the preset is not one this adapter can run */
  static PresetSpec read(Preset preset) {
    SettingsReader s = new SettingsReader(preset.name(), preset.settings());
    String kind = s.text("kind", KINDS);
    PresetSpec spec = switch (kind) {
      case "video" -> ladder(preset.name(), s);
      case "audio" -> audioOnly(preset.name(), s);
      case "image" -> thumbnail(preset.name(), s);
      case "animation" -> animation(preset.name(), s);
      case "hls" -> hls(preset.name(), s);
      default -> throw s.problem("kind", "one of " + KINDS);
    };
    s.requireAllRead();
    return spec;
  }

  private static Ladder ladder(String name, SettingsReader s) {
    s.text("container", Set.of("mp4"));
    return new Ladder(name, even(s, "maxWidth"), even(s, "maxHeight"), video(s), audio(s),
        s.flag("faststart"));
  }

  private static AudioOnly audioOnly(String name, SettingsReader s) {
    s.text("container", Set.of("mp4"));
    return new AudioOnly(name, audio(s), s.flag("faststart"));
  }

  private static Thumbnail thumbnail(String name, SettingsReader s) {
    s.text("container", Set.of("image2"));
    s.text("imageEncoder", Set.of("mjpeg"));
    return new Thumbnail(name, even(s, "width"), s.decimal("offsetFraction", 0, 1),
        s.integer("jpegQuality", 1, 31));
  }

  private static Animation animation(String name, SettingsReader s) {
    s.text("container", Set.of("gif"));
    s.text("palette", Set.of("per-clip"));
    return new Animation(name, s.decimal("startFraction", 0, 0.99),
        s.decimal("maxSeconds", 0.1, 60), s.integer("fps", 1, 50), even(s, "width"),
        s.flag("loop"));
  }

  private static Hls hls(String name, SettingsReader s) {
    s.text("container", Set.of("hls"));
    s.text("playlistType", Set.of("vod"));
    int keyframe = s.integer("keyframeSeconds", 1, 10);
    int segment = s.integer("segmentSeconds", 1, 60);
    if (segment % keyframe != 0) {
      throw s.problem("segmentSeconds", "a multiple of keyframeSeconds (" + keyframe + ")");
    }
    return new Hls(name, even(s, "maxWidth"), even(s, "maxHeight"), video(s), audio(s), keyframe,
        segment);
  }

  private static VideoCoding video(SettingsReader s) {
    String encoder = s.text("videoEncoder", Set.of("libx264", "h264_nvenc"));
    int maxrate = s.integer("maxrateKbps", 50, 100_000);
    int bufsize = s.integer("bufsizeKbps", 50, 200_000);
    if (encoder.equals("h264_nvenc")) {
      return new Nvenc(s.text("nvencPreset", NVENC_PRESETS),
          s.text("rateControl", Set.of("vbr", "cbr")), s.integer("cq", 0, 51), maxrate, bufsize);
    }
    return new X264(s.integer("crf", 0, 51), s.text("x264Preset", X264_PRESETS), maxrate, bufsize);
  }

  private static AudioCoding audio(SettingsReader s) {
    s.text("audioEncoder", Set.of("aac"));
    var rate = s.optionalInteger("sampleRateHz", 8000, 96_000);
    if (rate.isPresent() && !SAMPLE_RATES.contains(rate.getAsInt())) {
      throw s.problem("sampleRateHz", "one of " + SAMPLE_RATES);
    }
    return new AudioCoding(s.integer("audioBitrateKbps", 16, 512),
        s.optionalInteger("audioChannels", 1, 2), rate);
  }

  private static int even(SettingsReader s, String key) {
    int value = s.integer(key, 16, 8192);
    if (value % 2 != 0) {
      throw s.problem(key, "an even number of pixels");
    }
    return value;
  }
}
