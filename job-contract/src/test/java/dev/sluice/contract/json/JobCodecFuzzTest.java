package dev.sluice.contract.json;

import static dev.sluice.contract.json.Bodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.DecodeResult.Decoded;
import dev.sluice.contract.domain.DecodeResult.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoding is total: whatever bytes arrive, the answer is a result, not an exception. Seeded, so a
 * failure reproduces; the seed is in the assertion message.
 */
class JobCodecFuzzTest {
  private static final long SEED = 20_261_123L;
  private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "\\",
      "\\u0000", "\\ud800", "\\udc00", "null", "true", "-", "0", "-0", "1e999", "1.5",
      "9223372036854775808", "\"v\":2", "\"v\":1", "\"x\":{}", "s3://", "/../", "//", ".",
      "\u200B", "\u202E", "\u0430", "\uDB40\uDC41", "\t", "\n", " ".repeat(40));

  private final JobCodec codec = new JobCodec();
  private int decoded;
  private int rejected;

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(SEED);
    for (int i = 0; i < 2_000; i++) {
      byte[] body = new byte[random.nextInt(600)];
      random.nextBytes(body);
      if (random.nextBoolean()) {
        body[0] = '{';
      }
      check(body, "random bytes #" + i);
    }
    assertThat(rejected).isEqualTo(2_000);
  }

  @Test
  void mutatedValidBodiesNeverThrow() {
    Random random = new Random(SEED + 1);
    byte[] valid = utf8(Bodies.VALID);
    for (int i = 0; i < 4_000; i++) {
      byte[] body = valid;
      int rounds = 1 + random.nextInt(3);
      for (int r = 0; r < rounds; r++) {
        body = mutate(body, random);
      }
      check(body, "mutation #" + i);
    }
    // Both outcomes must occur, or the mutator is not exploring the interesting middle.
    assertThat(decoded).as("decoded").isGreaterThan(50);
    assertThat(rejected).as("rejected").isGreaterThan(2_000);
  }

  private void check(byte[] body, String what) {
    DecodeResult result;
    try {
      result = codec.decode(body);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(what + " (seed " + SEED + ") threw on "
          + new String(body, StandardCharsets.UTF_8), e);
    }
    assertThat(result).as(what).isNotNull();
    switch (result) {
      case Decoded d -> {
        decoded++;
        assertThat(codec.decode(utf8(codec.encode(d.job())))).as(what).isEqualTo(d);
      }
      case Rejected r -> {
        rejected++;
        assertThat(r.field()).as(what).isNotBlank();
        assertThat(r.reason()).as(what).endsWith(".").doesNotContain("\n").doesNotContain("\r");
      }
    }
  }

  private static byte[] mutate(byte[] body, Random random) {
    if (body.length == 0) {
      return utf8(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    int at = random.nextInt(body.length);
    return switch (random.nextInt(6)) {
      case 0 -> flipBit(body, at, random);
      case 1 -> splice(body, at, at + random.nextInt(Math.min(8, body.length - at) + 1), new byte[0]);
      case 2 -> splice(body, at, at, utf8(TOKENS.get(random.nextInt(TOKENS.size()))));
      case 3 -> splice(body, at, Math.min(body.length, at + 1 + random.nextInt(4)),
          utf8(TOKENS.get(random.nextInt(TOKENS.size()))));
      case 4 -> Arrays.copyOf(body, at);
      default -> replaceCharacter(body, at, random);
    };
  }

  private static byte[] flipBit(byte[] body, int at, Random random) {
    byte[] out = body.clone();
    out[at] ^= (byte) (1 << random.nextInt(8));
    return out;
  }

  /** Swaps one printable character for a nearby one, which often keeps the body decodable. */
  private static byte[] replaceCharacter(byte[] body, int at, Random random) {
    byte[] out = body.clone();
    if (out[at] >= 'a' && out[at] <= 'z' || out[at] >= '0' && out[at] <= '9') {
      out[at] = (byte) (out[at] >= 'a' ? 'a' + random.nextInt(26) : '0' + random.nextInt(10));
    }
    return out;
  }

  private static byte[] splice(byte[] body, int from, int to, byte[] insert) {
    byte[] out = new byte[body.length - (to - from) + insert.length];
    System.arraycopy(body, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(body, to, out, from + insert.length, body.length - to);
    return out;
  }
}
