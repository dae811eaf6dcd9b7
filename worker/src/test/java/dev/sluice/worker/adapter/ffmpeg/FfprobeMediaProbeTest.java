package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sluice.worker.port.MediaProbe.ProbeResult;
import dev.sluice.worker.port.MediaProbe.Probed;
import dev.sluice.worker.port.MediaProbe.Unreadable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("ffmpeg")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FfprobeMediaProbeTest {
  @TempDir
  static Path dir;
  private static TestMedia media;
  private static HostileFiles hostile;
  private final FfprobeMediaProbe probe = TestMedia.probe();

  @BeforeAll
  static void media() {
    media = new TestMedia(dir);
    hostile = new HostileFiles(media);
  }

  @AfterEach
  void noProbeOutlivesItsCall() {
    assertThat(TestMedia.ffmpegChildren()).isEmpty();
  }

  private static Probed probed(ProbeResult result) {
    assertThat(result).isInstanceOf(Probed.class);
    return (Probed) result;
  }

  private static String unreadable(ProbeResult result) {
    assertThat(result).isInstanceOf(Unreadable.class);
    return ((Unreadable) result).reason();
  }

  @Test
  void readsContainerDurationSizeRateAndCodecs() {
    Probed p = probed(probe.probe(media.clip("av", 320, 180, 3)));
    assertThat(p.container()).contains("mp4");
    assertThat(p.facts().duration().orElseThrow().toMillis()).isCloseTo(3000, within(50L));
    assertThat(p.facts().width()).isEqualTo(OptionalInt.of(320));
    assertThat(p.facts().height()).isEqualTo(OptionalInt.of(180));
    assertThat(p.facts().framesPerSecond().getAsDouble()).isEqualTo(25.0);
    assertThat(p.facts().codecs()).containsExactly("h264", "aac");
    assertThat(TestMedia.report(media.clip("av", 320, 180, 3), MediaFormats.SOURCE).audioTracks())
        .isEqualTo(1);
  }

  @Test
  void audioOnlyHasNoPictureFacts() {
    Probed p = probed(probe.probe(media.audioOnly("tone", 2)));
    assertThat(p.facts().width()).isEmpty();
    assertThat(p.facts().framesPerSecond()).isEmpty();
    assertThat(p.facts().codecs()).containsExactly("aac");
  }

  @Test
  void zeroBytesRandomBytesAndATruncatedHeaderAreUnreadableWithFfprobesWords() {
    assertThat(unreadable(probe.probe(hostile.zeroBytes()))).contains("empty");
    assertThat(unreadable(probe.probe(hostile.randomBytes())))
        .contains("Invalid data found when processing input");
    Path noMoov = media.file("no-moov.mp4", Arrays.copyOf(new byte[] {0, 0, 0, 0x20,
        'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 4096));
    assertThat(unreadable(probe.probe(noMoov))).contains("moov atom not found");
  }

  @Test
  void aTruncatedFaststartMp4StillProbesFromItsIntactHeader() {
    // The header is whole, so the probe reports the declared facts; the transcoder finds the cut.
    Probed p = probed(probe.probe(hostile.truncatedMp4()));
    assertThat(p.facts().duration().orElseThrow().toMillis()).isCloseTo(3000, within(50L));
  }

  @Test
  void absurdDeclaredDimensionsAreReportedOrRefusedWithoutDecoding() {
    long start = System.nanoTime();
    // Over FFmpeg's own image size limit: refused outright.
    assertThat(unreadable(probe.probe(hostile.y4mClaiming(60000, 60000)))).contains("60000x60000");
    assertThat(unreadable(probe.probe(hostile.pngClaiming(60000, 60000))))
        .contains("no usable frame size").contains("60000x60000");
    // Over the adapter's decode cap (8192 x 8192): refused before a frame is allocated.
    assertThat(unreadable(probe.probe(hostile.y4mClaiming(16000, 16000))))
        .contains("16000x16000 exceeds specified max pixel count");
    // Under both: the facts are reported, so the policy's max pixels can deny them.
    Probed big = probed(probe.probe(hostile.y4mClaiming(7680, 4320)));
    assertThat(big.facts().width()).isEqualTo(OptionalInt.of(7680));
    assertThat(big.facts().height()).isEqualTo(OptionalInt.of(4320));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aDecompressionBombIsRefusedBeforeItsFrameIsAllocated() {
    Path bomb = hostile.pngBomb();
    assertThat(bomb.toFile().length()).isLessThan(200_000);
    long start = System.nanoTime();
    assertThat(unreadable(probe.probe(bomb))).contains("9000x9000 exceeds specified max pixel count");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aLongSourceCarriesItsDurationForThePolicy() {
    Probed p = probed(probe.probe(hostile.twoHourY4m()));
    assertThat(p.facts().duration()).contains(Duration.ofSeconds(7260));
  }

  @Test
  void aPlaylistPosingAsVideoIsNotFollowed() {
    Path secret = media.clip("secret", 320, 180, 1);
    assertThat(unreadable(probe.probe(hostile.playlistPosingAsVideo(secret)))).isNotBlank();
  }

  @Test
  void aHungProbeIsKilledAtItsLimit() {
    var slow = new FfprobeMediaProbe(TestMedia.BINARIES, Duration.ofMillis(1));
    assertThat(unreadable(slow.probe(media.clip("av", 320, 180, 3))))
        .contains("did not finish within 1 ms");
  }
}
