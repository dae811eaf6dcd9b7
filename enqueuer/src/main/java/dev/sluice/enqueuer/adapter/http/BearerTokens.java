package dev.sluice.enqueuer.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured tokens without leaking them
 * through timing: both sides are hashed to 32 bytes first (so the length of a token does not
 * show), compared with {@link MessageDigest#isEqual}, and every configured token is compared on
 * every call. The tokens themselves are not kept, only their digests, and never printed.
 */
public final class BearerTokens {
  private static final String SCHEME = "bearer ";

  private final List<byte[]> digests;

  public BearerTokens(List<String> tokens) {
    if (tokens.isEmpty() || tokens.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("at least one non-blank API token is required");
    }
    this.digests = tokens.stream().map(BearerTokens::digest).toList();
  }

  /** Whether the header carries one of the tokens. */
  public boolean accepts(String authorization) {
    if (authorization == null || authorization.length() <= SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return false;
    }
    byte[] presented = digest(authorization.substring(SCHEME.length()).trim());
    boolean match = false;
    for (byte[] known : digests) {
      match |= MessageDigest.isEqual(known, presented);
    }
    return match;
  }

  public int count() {
    return digests.size();
  }

  @Override
  public String toString() {
    return "BearerTokens[" + digests.size() + " tokens]";
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
