package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FfmpegProgressTrackerTest {

  private static void block(ProgressTracker t, String outTimeUs, String progress) {
    t.line("frame=10");
    t.line("out_time_us=" + outTimeUs);
    t.line("out_time=00:00:01.000000");
    t.line("progress=" + progress);
  }

  @Test
  void percentOfTheExpectedMediaTimeRisesOnlyAndStopsAt99() {
    var t = new ProgressTracker(Duration.ofSeconds(10));
    assertThat(t.percent()).isZero();
    block(t, "N/A", "continue");
    assertThat(t.percent()).isZero();
    block(t, "2500000", "continue");
    assertThat(t.percent()).isEqualTo(25);
    block(t, "1000000", "continue");   // a lower reading never lowers the percentage
    assertThat(t.percent()).isEqualTo(25);
    block(t, "12000000", "end");        // overshoot (audio priming, rounding) stays below 100
    assertThat(t.percent()).isEqualTo(99);
  }

  @Test
  void onlyACompletedBlockCounts() {
    var t = new ProgressTracker(Duration.ofSeconds(4));
    t.line("out_time_us=2000000");
    assertThat(t.percent()).isZero();
    t.line("progress=continue");
    assertThat(t.percent()).isEqualTo(50);
  }

  @Test
  void withoutAnExpectedLengthThereIsNoPercentageUntilTheEnd() {
    var t = new ProgressTracker(Duration.ZERO);
    block(t, "40000", "end");
    assertThat(t.percent()).isZero();
    t.line("garbage without equals");
    t.line("out_time_us=");
    assertThat(t.percent()).isZero();
  }
}
