package dev.sluice.worker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysDoubleWithinTheirJitterBandAndStopAtTheCap() {
    var low = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15), () -> 0.0);
    var high = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15), () -> 0.999999);

    assertThat(low.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(high.delayAfter(1)).isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
    assertThat(low.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(low.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(high.delayAfter(20)).isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(low.delayAfter(20)).isEqualTo(Duration.ofSeconds(450));
    assertThat(high.delayAfter(1000)).isLessThanOrEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void attemptNPlusOneNeverWaitsLessThanAttemptN() {
    var low = new Backoff(Duration.ofSeconds(3), Duration.ofHours(1), () -> 0.0);
    var high = new Backoff(Duration.ofSeconds(3), Duration.ofHours(1), () -> 0.999999);
    // Below the cap the bands of consecutive attempts meet but do not overlap; at the cap they do.
    for (int n = 1; n < 10; n++) {
      assertThat(low.delayAfter(n + 1)).isGreaterThanOrEqualTo(high.delayAfter(n).minusMillis(1));
    }
  }
}
