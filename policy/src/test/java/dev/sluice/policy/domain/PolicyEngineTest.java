package dev.sluice.policy.domain;

import static dev.sluice.policy.domain.Fixtures.REVISION;
import static dev.sluice.policy.domain.Fixtures.facts;
import static dev.sluice.policy.domain.Fixtures.request;
import static dev.sluice.policy.domain.Fixtures.rules;
import static dev.sluice.policy.domain.Fixtures.withAsset;
import static dev.sluice.policy.domain.Fixtures.withMedia;
import static dev.sluice.policy.domain.Fixtures.withSize;
import static dev.sluice.policy.domain.Fixtures.withSource;
import static dev.sluice.policy.domain.Fixtures.withTarget;
import static dev.sluice.policy.domain.Fixtures.withTenant;
import static dev.sluice.policy.domain.Fixtures.withVariant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyEngineTest {

  private static Decision decide(PolicyRequest request) {
    return PolicyEngine.evaluate(rules(), REVISION, request);
  }

  private static Decision.Deny denial(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Deny.class);
    Decision.Deny deny = (Decision.Deny) decision;
    assertThat(deny.revision()).isEqualTo(REVISION);
    return deny;
  }

  @Test
  void admitsARequestWithinEveryRuleUnderTheGivenRevision() {
    assertThat(decide(request())).isEqualTo(new Decision.Admit(REVISION));
    assertThat(decide(request().withMedia(facts()))).isEqualTo(new Decision.Admit(REVISION));
  }

  /** One request per cause, each breaking only that rule, with the words its reason must hold. */
  static Stream<Arguments> oneBrokenRule() {
    PolicyRequest ok = request();
    return Stream.of(
        Arguments.of(withAsset(ok, "asset-bad"), DenyCause.ASSET_DENIED,
            "asset id 'asset-bad' is on the policy deny list deny.assetIds."),
        Arguments.of(withTenant(ok, "suspended"), DenyCause.TENANT_DENIED,
            "tenant 'suspended' is on the policy deny list deny.tenants."),
        Arguments.of(withSource(ok, "s3://media-in/uploads/quarantine/x.mov"),
            DenyCause.SOURCE_PREFIX_DENIED, "lies under s3://media-in/uploads/quarantine/"),
        Arguments.of(withSource(ok, "s3://elsewhere/uploads/a.mov"),
            DenyCause.SOURCE_NOT_ALLOWED, "source s3://elsewhere/uploads/a.mov is not under any"),
        Arguments.of(withTarget(ok, "s3://media-out/other/"), DenyCause.TARGET_NOT_ALLOWED,
            "target s3://media-out/other/ is not under any prefix of the policy allow list"),
        Arguments.of(withVariant(ok, "h264-1080p"), DenyCause.VARIANT_NOT_ALLOWED,
            "variant 'h264-1080p' is not allowed for a job without a tenant (policy variants.*)."),
        Arguments.of(withSize(ok, 2_000_000_000L), DenyCause.SOURCE_TOO_LARGE,
            "source is 2000000000 bytes, over the policy limit maxSourceBytes=1073741824."),
        Arguments.of(ok.withMedia(facts(Duration.ofMillis(7_200_500), 640, 360, 25, "h264")),
            DenyCause.DURATION_OVER_LIMIT,
            "media lasts 7200.5 seconds, over the policy limit media.maxDurationSeconds=7200."),
        Arguments.of(ok.withMedia(facts(Duration.ofMinutes(1), 3840, 2160, 25, "h264")),
            DenyCause.PIXELS_OVER_LIMIT, "media frames are 3840x2160 = 8294400 pixels, over the"
                + " policy limit media.maxPixels=2073600."),
        Arguments.of(ok.withMedia(facts(Duration.ofMinutes(1), 640, 360, 119.88, "h264")),
            DenyCause.FRAME_RATE_OVER_LIMIT, "media runs at 119.88 frames per second, over the"
                + " policy limit media.maxFramesPerSecond=60."),
        Arguments.of(ok.withMedia(facts(Duration.ofMinutes(1), 640, 360, 25, "h264", "prores")),
            DenyCause.CODEC_NOT_ALLOWED, "media uses codec 'prores', which is not in the policy"
                + " list media.allowedCodecs=[aac, h264]."));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("oneBrokenRule")
  void refusesWithTheCauseAndAReasonNamingTheRuleAndValue(
      PolicyRequest request, DenyCause cause, String reason) {
    Decision.Deny deny = denial(decide(request));

    assertThat(deny.cause()).isEqualTo(cause);
    assertThat(deny.reason()).contains(reason).endsWith(".");
  }

  @Test
  void everyDenyCauseHasARequestThatProducesIt() {
    Set<DenyCause> produced = EnumSet.noneOf(DenyCause.class);
    oneBrokenRule().forEach(args -> produced.add((DenyCause) args.get()[1]));

    assertThat(produced).containsExactlyInAnyOrderElementsOf(Arrays.asList(DenyCause.values()));
  }

  @Test
  void denyListsWinOverEverythingElseInTheirFixedOrder() {
    PolicyRequest everythingWrong = withSize(withVariant(withTenant(withAsset(
        withSource(request(), "s3://nowhere/x"), "asset-bad"), "suspended"), "nope"), -1);

    assertThat(denial(decide(everythingWrong)).cause()).isEqualTo(DenyCause.ASSET_DENIED);
    assertThat(denial(decide(withAsset(everythingWrong, "asset-ok"))).cause())
        .isEqualTo(DenyCause.TENANT_DENIED);
  }

  @Test
  void aJobWithoutTenantMayAskOnlyForTheStarVariants() {
    assertThat(decide(withVariant(request(), "thumb-320"))).isInstanceOf(Decision.Admit.class);
    assertThat(denial(decide(withVariant(request(), "h264-1080p"))).reason())
        .contains("a job without a tenant");
    assertThat(denial(decide(withVariant(request(), "unheard-of"))).cause())
        .isEqualTo(DenyCause.VARIANT_NOT_ALLOWED);
  }

  @Test
  void aListedTenantGetsItsOwnVariantsAndTheStarOnes() {
    PolicyRequest acme = withTenant(request(), "acme");

    assertThat(decide(withVariant(acme, "h264-1080p"))).isInstanceOf(Decision.Admit.class);
    assertThat(decide(withVariant(acme, "thumb-320"))).isInstanceOf(Decision.Admit.class);
    assertThat(denial(decide(withVariant(acme, "hevc-2160p"))).reason())
        .contains("tenant 'acme' (policy variants.acme or variants.*)");
  }

  @Test
  void aTenantNotListedFallsBackToTheStarVariants() {
    PolicyRequest other = withTenant(request(), "other");

    assertThat(decide(withVariant(other, "thumb-320"))).isInstanceOf(Decision.Admit.class);
    assertThat(denial(decide(withVariant(other, "h264-1080p"))).cause())
        .isEqualTo(DenyCause.VARIANT_NOT_ALLOWED);
  }

  @Test
  void aSourceExactlyAtTheSizeLimitIsAdmitted() {
    assertThat(decide(withSize(request(), 1_073_741_824L))).isInstanceOf(Decision.Admit.class);
    assertThat(decide(withSize(request(), 1_073_741_825L))).isInstanceOf(Decision.Deny.class);
  }

  @Test
  void mediaLimitsApplyOnlyWhenTheRequestCarriesMediaFacts() {
    Rules tiny = withMedia(rules(), new MediaLimits(1, 1, 1, Set.of("av1")));
    MediaFacts huge = facts(Duration.ofHours(9), 7680, 4320, 240, "prores");

    assertThat(PolicyEngine.evaluate(tiny, REVISION, request())).isInstanceOf(Decision.Admit.class);
    assertThat(PolicyEngine.evaluate(tiny, REVISION, request().withMedia(huge)))
        .isInstanceOf(Decision.Deny.class);
  }

  @Test
  void aFactTheProbeDidNotReportIsNotChecked() {
    Rules tiny = withMedia(rules(), new MediaLimits(1, 1, 1, Set.of("av1")));

    assertThat(PolicyEngine.evaluate(tiny, REVISION, request().withMedia(Fixtures.noFacts())))
        .isInstanceOf(Decision.Admit.class);
  }

  @Test
  void codecsAreComparedWithoutRegardToCaseAndAnEmptyListAllowsAny() {
    assertThat(decide(request().withMedia(facts(Duration.ofMinutes(1), 640, 360, 25, "H264"))))
        .isInstanceOf(Decision.Admit.class);
    Rules anyCodec = withMedia(rules(), new MediaLimits(7200, 1920L * 1080, 60, Set.of()));
    assertThat(PolicyEngine.evaluate(anyCodec, REVISION,
        request().withMedia(facts(Duration.ofMinutes(1), 640, 360, 25, "prores"))))
        .isInstanceOf(Decision.Admit.class);
  }

  @Test
  void aFrameRateThatIsNotANumberIsRefusedNotWavedThrough() {
    PolicyRequest confused =
        request().withMedia(facts(Duration.ofMinutes(1), 640, 360, Double.NaN, "h264"));

    assertThat(denial(decide(confused)).cause()).isEqualTo(DenyCause.FRAME_RATE_OVER_LIMIT);
  }
}
