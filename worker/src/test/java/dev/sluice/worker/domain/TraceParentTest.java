package dev.sluice.worker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {
  @Test
  void parsesAValidHeader() {
    assertThat(TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .contains(new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
      "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "00-00000000000000000000000000000000-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
      "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra"})
  void ignoresGarbage(String header) {
    assertThat(TraceParent.parse(header)).isEmpty();
  }
}
