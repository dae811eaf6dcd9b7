package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.policy.domain.MediaFacts;
import dev.sluice.worker.port.Transcoder.Failed;
import dev.sluice.worker.port.Transcoder.FailureKind;
import dev.sluice.worker.port.Transcoder.Outcome;
import dev.sluice.worker.port.Transcoder.Request;
import dev.sluice.worker.port.Transcoder.Transcoded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not what they claim, fed straight to the transcoder (as if a probe had let them
 * through, with the facts it would report or a plausible lie): each ends in a clear failure, in
 * bounded time, with no ffmpeg left running.
 */
@Tag("ffmpeg")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FfmpegHostileInputTest {
  @TempDir
  static Path dir;
  private static TestMedia media;
  private static HostileFiles hostile;
  private final FfmpegTranscoder transcoder = new FfmpegTranscoder(TestMedia.BINARIES,
      TestMedia.probe(), new TranscoderSettings(1, Duration.ofSeconds(20), Duration.ofSeconds(20),
          4.0, 50L << 20, ResourceClass.CPU));

  @BeforeAll
  static void media() {
    media = new TestMedia(dir);
    hostile = new HostileFiles(media);
  }

  @AfterEach
  void noFfmpegLeftRunning() {
    assertThat(TestMedia.ffmpegChildren()).isEmpty();
  }

  /** What a probe of a 3 s 320x180 clip says: the lie a hostile file would have to tell. */
  private static MediaFacts claimed() {
    return new MediaFacts(Optional.of(Duration.ofSeconds(3)), OptionalInt.of(320),
        OptionalInt.of(180), OptionalDouble.of(25), List.of("h264", "aac"));
  }

  private Outcome run(String preset, Path source, MediaFacts facts) {
    String name = preset + "-" + source.getFileName();
    return transcoder.transcode(new Request(source, facts, TestMedia.preset(preset),
        media.workDir(name), "out"), p -> { }, () -> false);
  }

  private static void invalidInput(Outcome outcome, String... phrases) {
    assertThat(outcome).as(outcome.toString()).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.INVALID_INPUT);
      assertThat(f.reason()).contains(phrases);
    });
  }

  @Test
  void aTruncatedMp4IsDamagedInputNotAShortOutput() {
    Path truncated = hostile.truncatedMp4();
    invalidInput(run("h264-360p", truncated, TestMedia.facts(truncated)), "damaged", "lasts");
  }

  @Test
  void randomBytesNamedMp4AreRejectedByFfmpeg() {
    invalidInput(run("h264-360p", hostile.randomBytes(), claimed()),
        "Invalid data found when processing input");
  }

  @Test
  void aZeroByteFileIsRejectedByFfmpeg() {
    invalidInput(run("thumb-jpeg", hostile.zeroBytes(), claimed()), "Error opening input");
  }

  @Test
  void absurdDeclaredDimensionsFailFastInsteadOfDecoding() {
    invalidInput(run("h264-360p", hostile.y4mClaiming(60000, 60000), claimed()), "60000x60000");
    invalidInput(run("h264-360p", hostile.pngClaiming(60000, 60000), claimed()), "exit");
    invalidInput(run("h264-360p", hostile.y4mClaiming(16000, 16000), claimed()),
        "exceeds specified max pixel count");
    // Within the decode cap but with one truncated frame: nothing to encode.
    Path big = hostile.y4mClaiming(7680, 4320);
    invalidInput(run("h264-360p", big, TestMedia.facts(big)), "damaged");
  }

  @Test
  void aDecompressionBombIsNotDecoded() {
    MediaFacts claimed = new MediaFacts(Optional.of(Duration.ofMillis(40)), OptionalInt.of(9000),
        OptionalInt.of(9000), OptionalDouble.of(25), List.of("png"));
    invalidInput(run("thumb-jpeg", hostile.pngBomb(), claimed), "exceeds specified max pixel count");
  }

  @Test
  void aPlaylistPosingAsVideoIsNeverFollowed() {
    Path target = media.clip("target", 320, 180, 1);
    invalidInput(run("h264-360p", hostile.playlistPosingAsVideo(target), claimed()), "exit");
  }

  @Test
  void aOneFrameFileIsValidMediaAndEveryPictureKindHandlesIt() {
    Path oneFrame = media.videoOnly("one-frame", 320, 180, 0.04);
    MediaFacts facts = TestMedia.facts(oneFrame);
    for (String preset : List.of("thumb-jpeg", "h264-360p", "gif-preview")) {
      assertThat(run(preset, oneFrame, facts)).as(preset).isInstanceOf(Transcoded.class);
    }
    invalidInput(run("aac-128k", oneFrame, facts), "no audio stream");
  }
}
