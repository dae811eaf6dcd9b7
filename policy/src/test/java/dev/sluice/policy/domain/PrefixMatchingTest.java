package dev.sluice.policy.domain;

import static dev.sluice.policy.domain.Fixtures.REVISION;
import static dev.sluice.policy.domain.Fixtures.allow;
import static dev.sluice.policy.domain.Fixtures.request;
import static dev.sluice.policy.domain.Fixtures.rules;
import static dev.sluice.policy.domain.Fixtures.withAllow;
import static dev.sluice.policy.domain.Fixtures.withSource;
import static dev.sluice.policy.domain.Fixtures.withTarget;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Allow and deny prefixes match whole path segments of whole buckets, and nothing by default. */
class PrefixMatchingTest {

  private static Decision decide(PolicyRequest request) {
    return PolicyEngine.evaluate(rules(), REVISION, request);
  }

  private static DenyCause cause(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Deny.class);
    return ((Decision.Deny) decision).cause();
  }

  @Test
  void aDeniedPrefixInsideAnAllowedOneIsRefusedAndAlsoMatchesOnlyWholeSegments() {
    PolicyRequest quarantined = withSource(request(), "s3://media-in/uploads/quarantine/x.mov");
    PolicyRequest sibling = withSource(request(), "s3://media-in/uploads/quarantine-ok/x.mov");

    assertThat(cause(decide(quarantined))).isEqualTo(DenyCause.SOURCE_PREFIX_DENIED);
    assertThat(decide(sibling)).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void anAllowedPrefixDoesNotAdmitASiblingThatMerelySharesItsSpelling() {
    assertThat(cause(decide(withSource(request(), "s3://media-in/uploads-evil/x"))))
        .isEqualTo(DenyCause.SOURCE_NOT_ALLOWED);
    assertThat(cause(decide(withSource(request(), "s3://media-in/uploads"))))
        .isEqualTo(DenyCause.SOURCE_NOT_ALLOWED);
    assertThat(decide(withSource(request(), "s3://media-in/uploads/x")))
        .isInstanceOf(Decision.Admit.class);
  }

  @Test
  void aPrefixWrittenWithoutTrailingSlashStillMatchesOnlyWholeSegments() {
    Rules rules = withAllow(rules(),
        allow(List.of("s3://media-in/uploads"), List.of("s3://media-out/renditions")));

    assertThat(PolicyEngine.evaluate(rules, REVISION, request()))
        .isInstanceOf(Decision.Admit.class);
    assertThat(PolicyEngine.evaluate(rules, REVISION,
        withSource(request(), "s3://media-in/uploads-evil/x")))
        .isInstanceOf(Decision.Deny.class);
    assertThat(PolicyEngine.evaluate(rules, REVISION,
        withTarget(request(), "s3://media-out/renditions-evil/")))
        .isInstanceOf(Decision.Deny.class);
  }

  @Test
  void aBucketOnlyPrefixCoversTheWholeBucketAndNoOther() {
    assertThat(decide(withSource(request(), "s3://media-archive/2019/a.mov")))
        .isInstanceOf(Decision.Admit.class);
    assertThat(cause(decide(withSource(request(), "s3://media-archive2/a.mov"))))
        .isEqualTo(DenyCause.SOURCE_NOT_ALLOWED);
  }

  @Test
  void sourcesAndTargetsOnNoAllowListAreRefusedByDefault() {
    Rules nothingAllowed = withAllow(rules(), allow(List.of(), List.of()));

    assertThat(cause(PolicyEngine.evaluate(nothingAllowed, REVISION, request())))
        .isEqualTo(DenyCause.SOURCE_NOT_ALLOWED);
    Rules onlySources = withAllow(rules(), allow(List.of("s3://media-in"), List.of()));
    assertThat(cause(PolicyEngine.evaluate(onlySources, REVISION, request())))
        .isEqualTo(DenyCause.TARGET_NOT_ALLOWED);
  }
}
