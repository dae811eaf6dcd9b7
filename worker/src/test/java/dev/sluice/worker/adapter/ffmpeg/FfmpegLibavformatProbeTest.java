package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.port.Transcoder.Request;
import dev.sluice.worker.port.Transcoder.Transcoded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-process output probe reads every output kind as ffprobe does. */
@Tag("ffmpeg")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FfmpegLibavformatProbeTest {
  @TempDir
  static Path dir;
  private static TestMedia media;
  private static LibavformatProbe inProcess;
  private final FfprobeMediaProbe ffprobe = TestMedia.probe();

  @BeforeAll
  static void media() {
    media = new TestMedia(dir);
    inProcess = new LibavformatProbe();
  }

  private Path output(String preset, Path source) {
    // Verified by ffprobe here, so the comparison does not lean on the probe under test.
    var transcoder = new FfmpegTranscoder(TestMedia.BINARIES,
        new TranscoderSettings(1, Duration.ofSeconds(30), Duration.ofSeconds(30), 4, 1L << 30,
            ResourceClass.CPU),
        new OutputVerifier(ffprobe::inspect, ffprobe::inspect));
    var outcome = transcoder.transcode(new Request(source, TestMedia.facts(source),
        TestMedia.preset(preset), media.workDir(preset + "-" + source.getFileName()), "out"),
        p -> { }, () -> false);
    assertThat(outcome).isInstanceOf(Transcoded.class);
    return ((Transcoded) outcome).files().get(0).path();
  }

  @ParameterizedTest(name = "{0} reads the same in process")
  @CsvSource({"h264-360p, mp4", "aac-128k, mp4", "thumb-jpeg, image2", "gif-preview, gif",
      "hls-720p, hls"})
  void readsOutputsAsFfprobeDoes(String preset, String container) {
    Path out = output(preset, media.clip("av", 320, 180, 7));
    String formats = MediaFormats.reading(container);
    ProbeReport expected = (ProbeReport) ffprobe.inspect(out, formats);
    assertThat(inProcess.inspect(out, formats)).isInstanceOfSatisfying(ProbeReport.class, r -> {
      assertThat(r.container()).isEqualTo(expected.container());
      assertThat(r.videoCodecs()).isEqualTo(expected.videoCodecs());
      assertThat(r.audioCodecs()).isEqualTo(expected.audioCodecs());
      assertThat(r.video().map(v -> v.width() + "x" + v.height()))
          .isEqualTo(expected.video().map(v -> v.width() + "x" + v.height()));
      if (expected.duration().isPresent() && !container.equals("image2")) {
        assertThat(r.duration().orElseThrow().toMillis())
            .isCloseTo(expected.duration().get().toMillis(), within(50L));
      }
    });
  }

  @Test
  void aFileOfAnotherFormatIsUnreadableNotACrash() {
    Path text = media.text("not-media.mp4", "hello, this is not a movie\n".repeat(100));
    assertThat(inProcess.inspect(text, MediaFormats.reading("mp4")))
        .isInstanceOfSatisfying(Inspection.Unreadable.class,
            u -> assertThat(u.reason()).contains("libavformat cannot open it"));
    Path gifNamedMp4 = output("gif-preview", media.clip("short", 320, 180, 1));
    assertThat(inProcess.inspect(gifNamedMp4, MediaFormats.reading("mp4")))
        .isInstanceOf(Inspection.Unreadable.class);
  }
}
