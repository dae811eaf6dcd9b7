package dev.sluice.policy.domain;

import static dev.sluice.policy.domain.Fixtures.ref;
import static dev.sluice.policy.domain.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.domain.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {

  private static Rules withVariants(Map<String, Set<String>> variants) {
    Rules r = rules();
    return new Rules(1, r.allow(), r.deny(), variants, r.maxSourceBytes(), r.media());
  }

  @Test
  void onlyFormatVersionOneIsAccepted() {
    Rules r = rules();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Rules(2, r.allow(), r.deny(), r.variants(), 1, r.media()))
        .withMessage("version must be 1, the only format this build reads, was 2");
  }

  @Test
  void prefixEntriesAreNormalisedToEndAtASlashUnlessTheyNameAWholeBucket() {
    Rules.AllowList allow = new Rules.AllowList(
        List.of(ref("s3://bkt/uploads"), ref("s3://bkt/ready/"), ref("s3://whole")), List.of());

    assertThat(allow.sources())
        .containsExactly(ref("s3://bkt/uploads/"), ref("s3://bkt/ready/"), ref("s3://whole"));
  }

  @Test
  void aNonPositiveSizeLimitIsRejectedNamingTheKey() {
    Rules r = rules();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Rules(1, r.allow(), r.deny(), r.variants(), 0, r.media()))
        .withMessageContaining("maxSourceBytes must be a positive number of bytes, was 0");
  }

  @Test
  void eachMediaLimitMustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> new MediaLimits(0, 1, 1, Set.of()))
        .withMessageContaining("media.maxDurationSeconds");
    assertThatIllegalArgumentException().isThrownBy(() -> new MediaLimits(1, -1, 1, Set.of()))
        .withMessageContaining("media.maxPixels");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MediaLimits(1, 1, Double.NaN, Set.of()))
        .withMessageContaining("media.maxFramesPerSecond");
  }

  @Test
  void theStarVariantEntryIsRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withVariants(Map.of("acme", Set.of("thumb-320"))))
        .withMessageContaining("variants must have a '*' entry");
    assertThat(withVariants(Map.of("*", Set.of())).allowsVariant(null, "thumb-320")).isFalse();
  }

  @Test
  void blankNamesAndEmptyEntriesAreRejectedNamingTheList() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Rules.DenyList(Set.of(" "), Set.of(), List.of()))
        .withMessageContaining("deny.assetIds must not contain a blank name");
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    Map<String, Set<String>> grants = new HashMap<>();
    grants.put("*", Set.of());
    grants.put("acme", new HashSet<>(withNull));
    assertThatIllegalArgumentException().isThrownBy(() -> withVariants(grants))
        .withMessageContaining("variants.acme must not contain an empty entry");
  }

  @Test
  void theTreeIsCopiedAndCannotBeChangedAfterward() {
    List<ObjectRef> sources = new ArrayList<>(List.of(ref("s3://bkt/a/")));
    Rules.AllowList allow = new Rules.AllowList(sources, List.of());
    sources.add(ref("s3://bkt/sneaky/"));

    assertThat(allow.sources()).containsExactly(ref("s3://bkt/a/"));
    assertThatThrownBy(() -> allow.sources().add(ref("s3://bkt/c/")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rules().variants().get("*").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
