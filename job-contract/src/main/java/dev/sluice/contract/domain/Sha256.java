package dev.sluice.contract.domain;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A SHA-256 digest in its canonical job-contract spelling: 64 lowercase hex characters.
 * Keeping one spelling means two digests are equal exactly when their strings are.
 */
public record Sha256(String hex) {
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    if (hex == null || !FORM.matcher(hex).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex characters");
    }
  }

  public static Sha256 of(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + digest.length);
    }
    return new Sha256(HexFormat.of().formatHex(digest));
  }

  /** The first {@code n} hex characters, used in output keys. */
  public String prefix(int n) {
    return hex.substring(0, n);
  }

  @Override
  public String toString() {
    return hex;
  }
}
