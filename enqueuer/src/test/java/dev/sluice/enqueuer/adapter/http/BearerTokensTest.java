package dev.sluice.enqueuer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  @Test
  void acceptsAnyConfiguredTokenAndNothingElse() {
    BearerTokens tokens = new BearerTokens(List.of("alpha-secret", "beta-secret"));
    assertThat(tokens.accepts("Bearer alpha-secret")).isTrue();
    assertThat(tokens.accepts("BEARER beta-secret")).isTrue();
    assertThat(tokens.accepts("Bearer alpha-secre")).isFalse();
    assertThat(tokens.accepts("Bearer alpha-secret-and-more")).isFalse();
    assertThat(tokens.accepts("alpha-secret")).isFalse();
    assertThat(tokens.accepts(null)).isFalse();
  }

  @Test
  void neverShowsATokenAndRefusesAnEmptyList() {
    assertThat(new BearerTokens(List.of("alpha-secret")).toString()).doesNotContain("alpha");
    assertThatThrownBy(() -> new BearerTokens(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BearerTokens(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
  }
}
