package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3PartPlanTest {
  private static final long MIB = 1L << 20;

  @Test
  void lastPartTakesTheRemainder() {
    var plan = S3PartPlan.of(12 * MIB, 5 * MIB);

    assertThat(plan.count()).isEqualTo(3);
    assertThat(plan.offset(3)).isEqualTo(10 * MIB);
    assertThat(plan.length(1)).isEqualTo(5 * MIB);
    assertThat(plan.length(3)).isEqualTo(2 * MIB);
  }

  @Test
  void anExactMultipleHasNoEmptyTrailingPart() {
    var plan = S3PartPlan.of(10 * MIB, 5 * MIB);

    assertThat(plan.count()).isEqualTo(2);
    assertThat(plan.length(2)).isEqualTo(5 * MIB);
  }

  @Test
  void partSizeGrowsSoNoFileNeedsMoreThanTenThousandParts() {
    long size = 200L * 1024 * MIB;
    var plan = S3PartPlan.of(size, 16 * MIB);

    assertThat(plan.count()).isLessThanOrEqualTo(S3PartPlan.MAX_PARTS);
    assertThat(plan.partSize()).isGreaterThan(16 * MIB);
    assertThat(plan.offset(plan.count()) + plan.length(plan.count())).isEqualTo(size);
  }

  @Test
  void inconsistentPlansAreRefused() {
    assertThatThrownBy(() -> new S3PartPlan(10 * MIB, 5 * MIB, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
