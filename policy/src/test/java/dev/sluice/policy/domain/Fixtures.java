package dev.sluice.policy.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** Rules and requests for the engine tests: a request the rules admit, and its variations. */
final class Fixtures {

  static final String REVISION = "0123456789ab";

  private Fixtures() {}

  static ObjectRef ref(String uri) {
    return ObjectRef.parseS3Uri(uri, true);
  }

  static Rules.AllowList allow(List<String> sources, List<String> targets) {
    return new Rules.AllowList(
        sources.stream().map(Fixtures::ref).toList(), targets.stream().map(Fixtures::ref).toList());
  }

  static Rules rules() {
    return new Rules(1,
        allow(List.of("s3://media-in/uploads/", "s3://media-archive"),
            List.of("s3://media-out/renditions/")),
        new Rules.DenyList(Set.of("asset-bad"), Set.of("suspended"),
            List.of(ref("s3://media-in/uploads/quarantine/"))),
        Map.of("*", Set.of("thumb-320"), "acme", Set.of("h264-1080p")),
        1_073_741_824L,
        new MediaLimits(7200, 1920L * 1080, 60, Set.of("h264", "aac")));
  }

  static Rules withMedia(Rules rules, MediaLimits media) {
    return new Rules(rules.version(), rules.allow(), rules.deny(), rules.variants(),
        rules.maxSourceBytes(), media);
  }

  static Rules withAllow(Rules rules, Rules.AllowList allow) {
    return new Rules(rules.version(), allow, rules.deny(), rules.variants(),
        rules.maxSourceBytes(), rules.media());
  }

  /** An upload within every rule, from no tenant, without probe facts. */
  static PolicyRequest request() {
    return new PolicyRequest("asset-1", Optional.empty(), ref("s3://media-in/uploads/a/clip.mov"),
        1_000_000, ref("s3://media-out/renditions/asset-1/"), "thumb-320", Optional.empty());
  }

  static PolicyRequest withAsset(PolicyRequest r, String assetId) {
    return new PolicyRequest(
        assetId, r.tenant(), r.source(), r.sourceSize(), r.target(), r.variant(), r.media());
  }

  static PolicyRequest withTenant(PolicyRequest r, String tenant) {
    return new PolicyRequest(r.assetId(), Optional.of(tenant), r.source(), r.sourceSize(),
        r.target(), r.variant(), r.media());
  }

  static PolicyRequest withSource(PolicyRequest r, String uri) {
    return new PolicyRequest(
        r.assetId(), r.tenant(), ref(uri), r.sourceSize(), r.target(), r.variant(), r.media());
  }

  static PolicyRequest withTarget(PolicyRequest r, String uri) {
    return new PolicyRequest(
        r.assetId(), r.tenant(), r.source(), r.sourceSize(), ref(uri), r.variant(), r.media());
  }

  static PolicyRequest withVariant(PolicyRequest r, String variant) {
    return new PolicyRequest(
        r.assetId(), r.tenant(), r.source(), r.sourceSize(), r.target(), variant, r.media());
  }

  static PolicyRequest withSize(PolicyRequest r, long size) {
    return new PolicyRequest(
        r.assetId(), r.tenant(), r.source(), size, r.target(), r.variant(), r.media());
  }

  /** Facts within the fixture's media limits. */
  static MediaFacts facts() {
    return new MediaFacts(Optional.of(Duration.ofMinutes(10)), OptionalInt.of(1920),
        OptionalInt.of(1080), OptionalDouble.of(30), List.of("h264", "aac"));
  }

  static MediaFacts facts(Duration duration, int width, int height, double fps, String... codecs) {
    return new MediaFacts(Optional.of(duration), OptionalInt.of(width), OptionalInt.of(height),
        OptionalDouble.of(fps), List.of(codecs));
  }

  static MediaFacts noFacts() {
    return new MediaFacts(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
        OptionalDouble.empty(), List.of());
  }
}
