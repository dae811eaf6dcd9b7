package dev.sluice.worker.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Replaces asset ids in text bound for logs and telemetry with a stable hash prefix when asked to,
 * so operators can still correlate lines of one asset without the id itself leaving the system.
 */
public record AssetRedaction(boolean enabled) {

  public String apply(String text, String assetId) {
    if (!enabled || text == null || assetId == null || assetId.isEmpty()) {
      return text;
    }
    return text.replace(assetId, token(assetId));
  }

  public static String token(String assetId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(assetId.getBytes(StandardCharsets.UTF_8));
      return "asset#" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
