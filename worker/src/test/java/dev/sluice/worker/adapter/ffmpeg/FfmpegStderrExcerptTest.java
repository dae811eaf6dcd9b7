package dev.sluice.worker.adapter.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FfmpegStderrExcerptTest {

  @Test
  void keepsTheFirstAndLastLinesAndSaysHowManyWereLeftOut() {
    var excerpt = new StderrExcerpt(2, 3);
    for (int i = 1; i <= 10; i++) {
      excerpt.add("line " + i);
    }
    assertThat(excerpt.lines()).containsExactly("line 1", "line 2", "(5 lines left out)",
        "line 8", "line 9", "line 10");
  }

  @Test
  void aShortLogIsKeptWholeAndBlankLinesAndHugeLinesAreTamed() {
    var excerpt = new StderrExcerpt(2, 3);
    excerpt.add("  ");
    excerpt.add("cause");
    excerpt.add("x".repeat(10_000));
    assertThat(excerpt.lines()).hasSize(2);
    assertThat(excerpt.lines().get(1)).hasSize(401).endsWith("…");
  }
}
