package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.port.Transcoder.Failed;
import dev.sluice.worker.port.Transcoder.FailureKind;
import dev.sluice.worker.port.Transcoder.Outcome;
import dev.sluice.worker.port.Transcoder.OutputFile;
import dev.sluice.worker.port.Transcoder.Request;
import dev.sluice.worker.port.Transcoder.Transcoded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every CPU preset on generated sources: the output is probed for size, length and tracks. */
@Tag("ffmpeg")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FfmpegTranscoderTest {
  @TempDir
  static Path dir;
  private static TestMedia media;
  private final FfmpegTranscoder transcoder = new FfmpegTranscoder(TestMedia.BINARIES,
      TestMedia.probe(), new TranscoderSettings(2, Duration.ofSeconds(30), Duration.ofSeconds(60),
          4.0, 50L << 20, ResourceClass.CPU));

  @BeforeAll
  static void media() {
    media = new TestMedia(dir);
  }

  @AfterEach
  void noFfmpegLeftRunning() {
    assertThat(TestMedia.ffmpegChildren()).isEmpty();
  }

  private Outcome run(String preset, Path source, List<Integer> progress) {
    String work = preset + "-" + source.getFileName();
    var request = new Request(source, TestMedia.facts(source), TestMedia.preset(preset),
        media.workDir(work), "out-" + work.replace('.', '-'));
    return transcoder.transcode(request, progress::add, () -> false);
  }

  private Transcoded transcoded(String preset, Path source) {
    List<Integer> progress = new CopyOnWriteArrayList<>();
    Outcome outcome = run(preset, source, progress);
    assertThat(outcome).as(outcome.toString()).isInstanceOf(Transcoded.class);
    assertThat(progress).as("progress").isSorted().startsWith(0).endsWith(100);
    assertThat(progress).allSatisfy(p -> assertThat(p).isBetween(0, 100));
    return (Transcoded) outcome;
  }

  private static ProbeReport probed(OutputFile file, String container) {
    return TestMedia.report(file.path(), MediaFormats.reading(container));
  }

  @ParameterizedTest(name = "{0} of a 640x360 clip is {1}x{2}")
  @CsvSource({"h264-1080p, 640, 360", "h264-720p, 640, 360", "h264-480p, 640, 360",
      "h264-360p, 640, 360"})
  void videoLaddersNeverUpscaleAndKeepAudioAndLength(String preset, int w, int h) {
    Path source = media.clip("av640", 640, 360, 3);
    Transcoded out = transcoded(preset, source);
    assertThat(out.files()).singleElement().satisfies(f -> {
      assertThat(f.contentType()).isEqualTo("video/mp4");
      assertThat(f.path().getParent())
          .isEqualTo(dir.resolve("work").resolve(preset + "-" + source.getFileName()));
    });
    ProbeReport report = probed(out.files().get(0), "mp4");
    assertThat(report.video().orElseThrow()).satisfies(v -> {
      assertThat(v.codec()).isEqualTo("h264");
      assertThat(v.width()).isEqualTo(w);
      assertThat(v.height()).isEqualTo(h);
    });
    assertThat(report.audioCodecs()).containsExactly("aac");
    assertThat(report.duration().orElseThrow().toMillis()).isCloseTo(3000, within(250L));
  }

  @ParameterizedTest(name = "{0}x{1} to {2} is {3}x{4}")
  @CsvSource({
      "180, 320, h264-360p, 180, 320",     // portrait 9:16 inside 640x360: already fits
      "360, 640, h264-360p, 202, 360",     // portrait, height-bound
      "320, 240, h264-360p, 320, 240",     // 4:3, fits
      "640, 480, h264-360p, 480, 360",     // 4:3, height-bound
      "1279, 719, h264-720p, 1278, 718"})  // odd: even, never a pixel larger
  void aspectRatiosGiveEvenFittedOutputs(int w, int h, String preset, int ew, int eh) {
    Path source = media.clip("src-" + w + "x" + h, w, h, 1);
    ProbeReport report = probed(transcoded(preset, source).files().get(0), "mp4");
    assertThat(report.video().orElseThrow().width()).isEqualTo(ew);
    assertThat(report.video().orElseThrow().height()).isEqualTo(eh);
  }

  @Test
  void aRotatedPhoneClipIsScaledAsDisplayedAndComesOutUpright() {
    Path rotated = media.rotated(media.clip("landscape", 640, 360, 1), 90);
    assertThat(TestMedia.facts(rotated).width()).hasValue(360);
    ProbeReport report = probed(transcoded("h264-360p", rotated).files().get(0), "mp4");
    assertThat(report.video().orElseThrow().width()).isEqualTo(202);
    assertThat(report.video().orElseThrow().height()).isEqualTo(360);
  }

  @Test
  void audioPresetMakesAnAacM4aWithoutVideo() {
    for (Path source : List.of(media.clip("av", 320, 180, 3), media.audioOnly("tone", 3))) {
      Transcoded out = transcoded("aac-128k", source);
      ProbeReport report = probed(out.files().get(0), "mp4");
      assertThat(report.videoCodecs()).isEmpty();
      assertThat(report.audioCodecs()).containsExactly("aac");
      assertThat(report.duration().orElseThrow().toMillis()).isCloseTo(3000, within(250L));
      assertThat(out.files().get(0).contentType()).isEqualTo("audio/mp4");
    }
  }

  @Test
  void aVideoOnlySourceMakesASilentVideo() {
    ProbeReport report = probed(transcoded("h264-360p", media.videoOnly("silent", 320, 180, 2))
        .files().get(0), "mp4");
    assertThat(report.audioTracks()).isZero();
    assertThat(report.video()).isPresent();
  }

  @Test
  void thumbnailIsOneJpegAtMost640Wide() {
    Transcoded out = transcoded("thumb-jpeg", media.clip("hd", 1280, 720, 2));
    assertThat(out.files()).singleElement().satisfies(f -> {
      assertThat(f.contentType()).isEqualTo("image/jpeg");
      assertThat(f.path().getFileName().toString()).endsWith(".jpg");
    });
    ProbeReport report = probed(out.files().get(0), "image2");
    assertThat(report.video().orElseThrow()).satisfies(v -> {
      assertThat(v.codec()).isEqualTo("mjpeg");
      assertThat(v.width()).isEqualTo(640);
      assertThat(v.height()).isEqualTo(360);
    });
    ProbeReport small = probed(transcoded("thumb-jpeg", media.clip("av", 320, 180, 3)).files().get(0), "image2");
    assertThat(small.video().orElseThrow().width()).isEqualTo(320);
  }

  @Test
  void gifPreviewIsAShortPaletteGifOfTheClip() {
    Transcoded out = transcoded("gif-preview", media.clip("long", 640, 360, 6));
    ProbeReport report = probed(out.files().get(0), "gif");
    assertThat(report.video().orElseThrow()).satisfies(v -> {
      assertThat(v.codec()).isEqualTo("gif");
      assertThat(v.width()).isEqualTo(480);
      assertThat(v.height()).isEqualTo(270);
    });
    assertThat(report.duration().orElseThrow().toMillis()).isCloseTo(4000, within(250L));
  }

  @Test
  void hlsPlaylistNamesItsSixSecondSegmentsUnderTheStem() throws Exception {
    Path source = media.clip("fourteen", 320, 180, 14);
    Transcoded out = transcoded("hls-720p", source);
    OutputFile playlist = out.files().get(0);
    String stem = playlist.path().getFileName().toString().replace(".m3u8", "");
    assertThat(playlist.contentType()).isEqualTo("application/vnd.apple.mpegurl");
    assertThat(out.files().subList(1, out.files().size())).extracting(OutputFile::relativeName)
        .containsExactly("seg000.ts", "seg001.ts", "seg002.ts");
    assertThat(out.files().subList(1, out.files().size())).allSatisfy(f -> {
      assertThat(f.contentType()).isEqualTo("video/mp2t");
      assertThat(f.path()).isEqualTo(playlist.path().resolveSibling(stem).resolve(f.relativeName()));
    });
    String text = Files.readString(playlist.path());
    assertThat(text).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-TARGETDURATION:6",
        stem + "/seg000.ts", "#EXT-X-ENDLIST");
    ProbeReport report = probed(playlist, "hls");
    assertThat(report.duration().orElseThrow().toMillis()).isCloseTo(14000, within(250L));
    assertThat(report.audioTracks()).isEqualTo(1);
  }

  @Test
  void aPresetThatNeedsAStreamTheSourceLacksFailsAsInvalidInputQuickly() {
    Outcome audioOfSilent = run("aac-128k", media.videoOnly("silent", 320, 180, 2),
        new CopyOnWriteArrayList<>());
    assertThat(audioOfSilent).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.INVALID_INPUT);
      assertThat(f.reason()).contains("no audio stream");
    });
    Outcome videoOfTone = run("h264-360p", media.audioOnly("tone", 2), new CopyOnWriteArrayList<>());
    assertThat(videoOfTone).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.INVALID_INPUT);
      assertThat(f.reason()).contains("no video stream");
    });
  }
}
