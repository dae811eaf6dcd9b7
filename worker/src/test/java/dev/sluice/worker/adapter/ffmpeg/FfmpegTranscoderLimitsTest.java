package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.worker.port.Transcoder.Failed;
import dev.sluice.worker.port.Transcoder.FailureKind;
import dev.sluice.worker.port.Transcoder.Outcome;
import dev.sluice.worker.port.Transcoder.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Timeout, cancellation and the output cap each kill ffmpeg and leave no process behind. */
@Tag("ffmpeg")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FfmpegTranscoderLimitsTest {
  @TempDir
  static Path dir;
  private static TestMedia media;
  private static Path longClip;

  @BeforeAll
  static void media() {
    media = new TestMedia(dir);
    // Long enough that ffmpeg is still encoding when the first progress block arrives (0.5 s).
    longClip = media.clip("long", 640, 360, 30);
  }

  @AfterEach
  void noFfmpegLeftRunning() {
    assertThat(TestMedia.ffmpegChildren()).isEmpty();
  }

  private static FfmpegTranscoder transcoder(Duration floor, Duration cap, long maxBytes) {
    return new FfmpegTranscoder(TestMedia.BINARIES, TestMedia.probe(),
        new TranscoderSettings(1, floor, cap, 4.0, maxBytes, ResourceClass.CPU));
  }

  private static Request request(String name) {
    return new Request(longClip, TestMedia.facts(longClip), TestMedia.preset("h264-720p"),
        media.workDir(name), "out");
  }

  @Test
  void pastItsTimeLimitFfmpegIsKilledAndTheRunTimesOut() {
    long start = System.nanoTime();
    Outcome outcome = transcoder(Duration.ofMillis(400), Duration.ofMillis(400), 1L << 30)
        .transcode(request("timeout"), p -> { }, () -> false);
    assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(f.reason()).contains("limit of 400 ms");
    });
    assertThat(media.workDir("timeout")).isEmptyDirectory();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void cancellingAfterTheFirstProgressKillsFfmpeg() {
    List<Integer> progress = new CopyOnWriteArrayList<>();
    AtomicBoolean cancel = new AtomicBoolean();
    Outcome outcome = transcoder(Duration.ofSeconds(30), Duration.ofSeconds(60), 1L << 30)
        .transcode(request("cancel"), p -> {
          progress.add(p);
          if (p > 0) {
            cancel.set(true);
          }
        }, cancel::get);
    assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED);
      assertThat(f.reason()).contains("cancelled at");
    });
    assertThat(media.workDir("cancel")).isEmptyDirectory();
    assertThat(progress).hasSizeGreaterThanOrEqualTo(2).doesNotContain(100);
  }

  @Test
  void aListenerThatThrowsStillLeavesNoFfmpegRunning() {
    var transcoder = transcoder(Duration.ofSeconds(30), Duration.ofSeconds(60), 1L << 30);
    assertThatThrownBy(() -> transcoder.transcode(request("throws"), p -> {
      if (p > 0) {
        throw new IllegalStateException("listener bug");
      }
    }, () -> false)).hasMessage("listener bug");
  }

  @Test
  void aCancellationBeforeTheStartRunsNothing() {
    Outcome outcome = transcoder(Duration.ofSeconds(30), Duration.ofSeconds(60), 1L << 30)
        .transcode(request("never"), p -> { }, () -> true);
    assertThat(outcome).isInstanceOfSatisfying(Failed.class,
        f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
  }

  @Test
  void anOutputPastTheSizeCapIsKilledAndBad() {
    Outcome outcome = transcoder(Duration.ofSeconds(30), Duration.ofSeconds(60), 2000)
        .transcode(request("cap"), p -> { }, () -> false);
    assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.BAD_OUTPUT);
      assertThat(f.reason()).contains("size cap of 2000 bytes");
    });
  }
}
