package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.Preset;
import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Animation;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.AudioOnly;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Hls;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Ladder;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Nvenc;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.Thumbnail;
import dev.sluice.worker.adapter.ffmpeg.PresetSpec.X264;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FfmpegPresetSpecTest {
  private final BundledCatalogue catalogue = BundledCatalogue.load();

  private Preset preset(String name) {
    return catalogue.find(name).orElseThrow();
  }

  private static Preset withSettings(Preset base, Map<String, Object> changes) {
    Map<String, Object> settings = new HashMap<>(base.settings());
    changes.forEach((k, v) -> {
      if (v == null) {
        settings.remove(k);
      } else {
        settings.put(k, v);
      }
    });
    return new Preset(base.name(), base.extension(), base.resourceClass(), settings, "{}",
        Sha256.of(new byte[32]));
  }

  @Test
  void everyBundledPresetHasATypedSpec() {
    assertThat(catalogue.all()).allSatisfy(p -> assertThat(PresetSpecReader.read(p)).isNotNull());
    FfmpegTranscoder.requireRunnable(catalogue.all(), ResourceClass.CPU);
    FfmpegTranscoder.requireRunnable(catalogue.all(), ResourceClass.GPU);
  }

  @Test
  void readsEachKindIntoItsRecord() {
    assertThat(PresetSpecReader.read(preset("h264-360p"))).isEqualTo(new Ladder("h264-360p", 640,
        360, new X264(25, "veryfast", 900, 1800),
        new PresetSpec.AudioCoding(64, OptionalInt.empty(), OptionalInt.empty()), true));
    assertThat(PresetSpecReader.read(preset("aac-128k"))).isEqualTo(new AudioOnly("aac-128k",
        new PresetSpec.AudioCoding(128, OptionalInt.of(2), OptionalInt.of(48000)), true));
    assertThat(PresetSpecReader.read(preset("thumb-jpeg")))
        .isEqualTo(new Thumbnail("thumb-jpeg", 640, 0.25, 3));
    assertThat(PresetSpecReader.read(preset("gif-preview")))
        .isEqualTo(new Animation("gif-preview", 0.1, 4, 10, 480, true));
    assertThat(PresetSpecReader.read(preset("hls-720p"))).isInstanceOfSatisfying(Hls.class, h -> {
      assertThat(h.segmentSeconds()).isEqualTo(6);
      assertThat(h.keyframeSeconds()).isEqualTo(2);
    });
    assertThat(PresetSpecReader.read(preset("h264-720p-nvenc")))
        .isInstanceOfSatisfying(Ladder.class, l -> assertThat(l.video())
            .isEqualTo(new Nvenc("p4", "vbr", 23, 3500, 7000)));
  }

  @Test
  void anUnknownKindIsRefusedNamingThePresetAndTheKinds() {
    Preset odd = withSettings(preset("h264-360p"), Map.of("kind", "hologram"));
    assertThatThrownBy(() -> PresetSpecReader.read(odd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preset 'h264-360p'")
        .hasMessageContaining("'kind'")
        .hasMessageContaining("hologram")
        .hasMessageContaining("video");
  }

  @Test
  void aSettingTheAdapterWouldIgnoreIsRefused() {
    Preset extra = withSettings(preset("h264-360p"), Map.of("deinterlace", true));
    assertThatThrownBy(() -> PresetSpecReader.read(extra))
        .hasMessageContaining("[deinterlace]").hasMessageContaining("not understood");
  }

  @Test
  void valuesAreHeldToRangesAndAllowLists() {
    assertThatThrownBy(() -> PresetSpecReader.read(withSettings(preset("h264-360p"),
        Map.of("crf", 99)))).hasMessageContaining("'crf'").hasMessageContaining("0 to 51");
    assertThatThrownBy(() -> PresetSpecReader.read(withSettings(preset("h264-360p"),
        Map.of("videoEncoder", "libx264 -vf movie=/etc/passwd"))))
        .hasMessageContaining("'videoEncoder'");
    assertThatThrownBy(() -> PresetSpecReader.read(withSettings(preset("h264-360p"),
        Map.of("maxWidth", 641)))).hasMessageContaining("even");
    assertThatThrownBy(() -> PresetSpecReader.read(withSettings(preset("h264-360p"),
        Map.of("crf", 23.5)))).hasMessageContaining("whole number");
    assertThatThrownBy(() -> PresetSpecReader.read(withSettings(preset("hls-720p"),
        Map.of("segmentSeconds", 5)))).hasMessageContaining("multiple of keyframeSeconds");
    var missing = new HashMap<String, Object>();
    missing.put("crf", null);
    assertThatThrownBy(() -> PresetSpecReader.read(withSettings(preset("h264-360p"), missing)))
        .hasMessageContaining("'crf'").hasMessageContaining("missing");
  }
}
