package dev.sluice.policy.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies {@link Rules} to one request. It is pure, so the enqueuer and the worker reach the same
 * answer for the same rules revision, and a decision can be replayed from the job record.
 *
 * <p>The checks run in a fixed order and the first refusal wins, so a request that breaks several
 * rules is always refused for the same reason:
 *
 * <ol>
 *   <li>deny lists: asset id, tenant, source prefix;
 *   <li>allow lists: source prefix, target prefix (deny by default: unlisted means refused);
 *   <li>the variant, granted to the tenant or to {@value Rules#ANY_TENANT};
 *   <li>the source size;
 *   <li>media limits (duration, pixels, frame rate, codecs), only when the request carries
 *       {@link MediaFacts}, and each only when the probe reported that fact.
 * </ol>
 */
public final class PolicyEngine {

  private record Refusal(DenyCause cause, String reason) {}

  /** The fixed order of the checks; see the class comment. */
  private static final List<BiFunction<Rules, PolicyRequest, Optional<Refusal>>> CHECKS = List.of(
      PolicyEngine::assetDenied,
      PolicyEngine::tenantDenied,
      PolicyEngine::sourcePrefixDenied,
      PolicyEngine::sourceNotAllowed,
      PolicyEngine::targetNotAllowed,
      PolicyEngine::variantNotAllowed,
      PolicyEngine::sourceTooLarge,
      PolicyEngine::durationOverLimit,
      PolicyEngine::pixelsOverLimit,
      PolicyEngine::frameRateOverLimit,
      PolicyEngine::codecNotAllowed);

  private PolicyEngine() {}

  /** The first refusal in rule order, or an admission; both carry {@code revision}. */
  public static Decision evaluate(Rules rules, String revision, PolicyRequest request) {
    for (var check : CHECKS) {
      Optional<Refusal> refusal = check.apply(rules, request);
      if (refusal.isPresent()) {
        return new Decision.Deny(refusal.get().cause(), refusal.get().reason(), revision);
      }
    }
    return new Decision.Admit(revision);
  }

  private static Optional<Refusal> assetDenied(Rules rules, PolicyRequest request) {
    return refuseIf(rules.deny().assetIds().contains(request.assetId()), DenyCause.ASSET_DENIED,
        "asset id '" + request.assetId() + "' is on the policy deny list deny.assetIds.");
  }

  private static Optional<Refusal> tenantDenied(Rules rules, PolicyRequest request) {
    return request.tenant()
        .filter(rules.deny().tenants()::contains)
        .map(tenant -> new Refusal(DenyCause.TENANT_DENIED,
            "tenant '" + tenant + "' is on the policy deny list deny.tenants."));
  }

  private static Optional<Refusal> sourcePrefixDenied(Rules rules, PolicyRequest request) {
    return rules.deny().sourcePrefixes().stream()
        .filter(request.source()::isUnder)
        .findFirst()
        .map(prefix -> new Refusal(DenyCause.SOURCE_PREFIX_DENIED, "source " + request.source()
            + " lies under " + prefix + ", which is on the policy deny list deny.sourcePrefixes."));
  }

  private static Optional<Refusal> sourceNotAllowed(Rules rules, PolicyRequest request) {
    return refuseIf(!underAny(request.source(), rules.allow().sources()),
        DenyCause.SOURCE_NOT_ALLOWED, "source " + request.source()
            + " is not under any prefix of the policy allow list allow.sources.");
  }

  private static Optional<Refusal> targetNotAllowed(Rules rules, PolicyRequest request) {
    return refuseIf(!underAny(request.target(), rules.allow().targets()),
        DenyCause.TARGET_NOT_ALLOWED, "target " + request.target()
            + " is not under any prefix of the policy allow list allow.targets.");
  }

  private static Optional<Refusal> variantNotAllowed(Rules rules, PolicyRequest request) {
    String tenant = request.tenant().orElse(null);
    String who = tenant == null
        ? "a job without a tenant (policy variants." + Rules.ANY_TENANT + ")"
        : "tenant '" + tenant + "' (policy variants." + tenant + " or variants." + Rules.ANY_TENANT
            + ")";
    return refuseIf(!rules.allowsVariant(tenant, request.variant()), DenyCause.VARIANT_NOT_ALLOWED,
        "variant '" + request.variant() + "' is not allowed for " + who + ".");
  }

  private static Optional<Refusal> sourceTooLarge(Rules rules, PolicyRequest request) {
    return refuseIf(request.sourceSize() > rules.maxSourceBytes(), DenyCause.SOURCE_TOO_LARGE,
        "source is " + request.sourceSize() + " bytes, over the policy limit maxSourceBytes="
            + rules.maxSourceBytes() + ".");
  }

  private static Optional<Refusal> durationOverLimit(Rules rules, PolicyRequest request) {
    long limit = rules.media().maxDurationSeconds();
    return request.media().flatMap(MediaFacts::duration)
        .filter(duration -> duration.compareTo(Duration.ofSeconds(limit)) > 0)
        .map(duration -> new Refusal(DenyCause.DURATION_OVER_LIMIT, "media lasts "
            + seconds(duration) + " seconds, over the policy limit media.maxDurationSeconds="
            + limit + "."));
  }

  private static Optional<Refusal> pixelsOverLimit(Rules rules, PolicyRequest request) {
    if (request.media().isEmpty()) {
      return Optional.empty();
    }
    MediaFacts facts = request.media().get();
    if (facts.width().isEmpty() || facts.height().isEmpty()) {
      return Optional.empty();
    }
    long width = facts.width().getAsInt();
    long height = facts.height().getAsInt();
    long limit = rules.media().maxPixels();
    return refuseIf(width * height > limit, DenyCause.PIXELS_OVER_LIMIT, "media frames are "
        + width + "x" + height + " = " + width * height
        + " pixels, over the policy limit media.maxPixels=" + limit + ".");
  }

  private static Optional<Refusal> frameRateOverLimit(Rules rules, PolicyRequest request) {
    double limit = rules.media().maxFramesPerSecond();
    // Written as "not within" so a NaN rate from a confused probe is refused, not waved through.
    return request.media()
        .filter(facts -> facts.framesPerSecond().isPresent())
        .map(facts -> facts.framesPerSecond().getAsDouble())
        .filter(fps -> !(fps <= limit))
        .map(fps -> new Refusal(DenyCause.FRAME_RATE_OVER_LIMIT, "media runs at " + number(fps)
            + " frames per second, over the policy limit media.maxFramesPerSecond="
            + number(limit) + "."));
  }

  private static Optional<Refusal> codecNotAllowed(Rules rules, PolicyRequest request) {
    MediaLimits limits = rules.media();
    return request.media().stream()
        .flatMap(facts -> facts.codecs().stream())
        .filter(codec -> !limits.allowsCodec(codec))
        .findFirst()
        .map(codec -> new Refusal(DenyCause.CODEC_NOT_ALLOWED, "media uses codec '" + codec
            + "', which is not in the policy list media.allowedCodecs="
            + limits.allowedCodecs().stream().sorted().toList() + "."));
  }

  private static boolean underAny(ObjectRef ref, List<ObjectRef> prefixes) {
    return prefixes.stream().anyMatch(ref::isUnder);
  }

  private static Optional<Refusal> refuseIf(boolean refused, DenyCause cause, String reason) {
    return refused ? Optional.of(new Refusal(cause, reason)) : Optional.empty();
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
