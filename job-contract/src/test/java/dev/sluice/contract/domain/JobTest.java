package dev.sluice.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTest {
  private static final Sha256 DIGEST =
      new Sha256("a813fb7145c4e3496a5fae47e683d263217ff4ccd96eb2b03a5315f498c2e265");

  private static Job job(String assetId, String variant, String targetKey, Instant at) {
    return new Job(UUID.randomUUID(), assetId, Optional.empty(),
        new SourceRef(new ObjectRef("ingest", "clip.mov"), DIGEST, 1), variant, DIGEST,
        new ObjectRef("renditions", targetKey), null, at);
  }

  @Test
  void defaultsPriorityToNormal() {
    assertThat(job("a", "v", "", Instant.EPOCH).priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void refusesNamesThatCouldBecomeTraversal() {
    assertThatThrownBy(() -> job("..", "v", "", Instant.EPOCH)).hasMessageContaining("'..'");
    assertThatThrownBy(() -> job("a/b", "v", "", Instant.EPOCH)).hasMessageContaining("assetId");
    assertThatThrownBy(() -> job("a", "../v", "", Instant.EPOCH)).hasMessageContaining("variant");
  }

  @Test
  void refusesATargetThatIsNotAPrefix() {
    assertThatThrownBy(() -> job("a", "v", "out", Instant.EPOCH)).hasMessageContaining("prefix");
  }

  @Test
  void refusesAnInstantWithoutAFourDigitYear() {
    assertThatThrownBy(() -> job("a", "v", "", Instant.parse("-0001-12-31T23:59:59Z")))
        .hasMessageContaining("0000 to 9999");
    assertThatThrownBy(() -> job("a", "v", "", Instant.parse("+10000-01-01T00:00:00Z")))
        .hasMessageContaining("0000 to 9999");
  }
}
