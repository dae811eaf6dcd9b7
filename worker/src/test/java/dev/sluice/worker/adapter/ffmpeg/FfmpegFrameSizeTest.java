package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FfmpegFrameSizeTest {

  @ParameterizedTest(name = "{0}x{1} inside {2}x{3} is {4}x{5}")
  @CsvSource({
      "1920, 1080, 1280, 720, 1280, 720",   // exact 16:9 downscale, no float slip to 1278
      "3840, 2160, 640, 360, 640, 360",
      "1080, 1920, 1280, 720, 404, 720",    // portrait 9:16: height bounds it
      "640, 480, 640, 360, 480, 360",       // 4:3 into a 16:9 box
      "1279, 719, 1280, 720, 1278, 718",    // odd, already inside: rounded down, never up
      "320, 180, 1920, 1080, 320, 180",     // small: never upscaled
      "321, 181, 1920, 1080, 320, 180",
      "1, 1, 640, 360, 2, 2",               // the smallest even frame
      "7680, 100, 640, 360, 640, 8"})
  void fitsInsideTheBoxKeepingAspectEvenAndNotLarger(int w, int h, int maxW, int maxH, int ew,
      int eh) {
    FrameSize fitted = new FrameSize(w, h).fitInside(maxW, maxH);
    assertThat(fitted).isEqualTo(new FrameSize(ew, eh));
    assertThat(fitted.width() % 2).isZero();
    assertThat(fitted.height() % 2).isZero();
    assertThat(fitted.width()).isLessThanOrEqualTo(Math.max(2, Math.min(w, maxW)));
    assertThat(fitted.height()).isLessThanOrEqualTo(Math.max(2, Math.min(h, maxH)));
  }

  @Test
  void fitWidthBoundsOnlyTheWidth() {
    assertThat(new FrameSize(1280, 720).fitWidth(640)).isEqualTo(new FrameSize(640, 360));
    assertThat(new FrameSize(360, 640).fitWidth(640)).isEqualTo(new FrameSize(360, 640));
    assertThat(new FrameSize(1080, 1920).fitWidth(480)).isEqualTo(new FrameSize(480, 852));
  }

  @Test
  void aFrameHasAPositiveSize() {
    assertThatThrownBy(() -> new FrameSize(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x10");
  }
}
