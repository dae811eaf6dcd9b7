package dev.sluice.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectRefTest {

  @Test
  void parsesAndPrintsAnObjectUri() {
    ObjectRef ref = ObjectRef.parseS3Uri("s3://bkt/a/b.mov", false);
    assertThat(ref).isEqualTo(new ObjectRef("bkt", "a/b.mov"));
    assertThat(ref.toUri()).isEqualTo("s3://bkt/a/b.mov");
    assertThat(ref.isPrefix()).isFalse();
  }

  @Test
  void aBucketRootIsAPrefixOnlyWhenAllowed() {
    assertThat(ObjectRef.parseS3Uri("s3://bkt/", true).isPrefix()).isTrue();
    assertThatThrownBy(() -> ObjectRef.parseS3Uri("s3://bkt/", false))
        .hasMessageContaining("must name an object");
    assertThatThrownBy(() -> ObjectRef.parseS3Uri("https://bkt/a", true))
        .hasMessageContaining("s3://");
  }

  @Test
  void childOfAPrefixIsCheckedLikeAnyKey() {
    ObjectRef prefix = new ObjectRef("bkt", "out/");
    assertThat(prefix.child("a/b.mp4")).isEqualTo(new ObjectRef("bkt", "out/a/b.mp4"));
    assertThatThrownBy(() -> prefix.child("../escape")).hasMessageContaining("'..'");
    assertThatThrownBy(() -> new ObjectRef("bkt", "out/a.mp4").child("x"))
        .hasMessageContaining("not a prefix");
  }

  @Test
  void isUnderNeedsTheSameBucketAndATruePrefix() {
    ObjectRef out = new ObjectRef("bkt", "tenants/a/x.mp4");
    assertThat(out.isUnder(new ObjectRef("bkt", "tenants/a/"))).isTrue();
    assertThat(out.isUnder(new ObjectRef("bkt", ""))).isTrue();
    assertThat(out.isUnder(new ObjectRef("other", "tenants/a/"))).isFalse();
    assertThat(out.isUnder(new ObjectRef("bkt", "tenants/b/"))).isFalse();
    // Without the trailing '/', "tenants/a" is an object, and its sibling "tenants/ab/" is not in it.
    assertThat(new ObjectRef("bkt", "tenants/ab/x").isUnder(new ObjectRef("bkt", "tenants/a")))
        .isFalse();
  }
}
