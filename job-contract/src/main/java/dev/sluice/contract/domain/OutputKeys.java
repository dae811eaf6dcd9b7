package dev.sluice.contract.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The deterministic output location of a job:
 * {@code <target prefix><assetId>/<variant>/<recipeDigest[0..16]>-<sha256[0..16]>.<ext>}.
 * A changed source or preset yields a new key rather than an overwrite, and checking for a
 * finished job costs one HEAD on this key.
 */
public final class OutputKeys {
  /** An output extension (and a preset's): 1 to 8 of {@code [a-z0-9]}, no dot. */
  public static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

  private static final int DIGEST_CHARS = 16;
  private static final int MAX_EXTENSION_CHARS = 8;
  // "/" after assetId, "/" after variant, "<16 hex>-<16 hex>." and the longest extension.
  private static final int FIXED_SUFFIX_BYTES = 2 + DIGEST_CHARS * 2 + 2 + MAX_EXTENSION_CHARS;

  private OutputKeys() {}

  public static ObjectRef of(Job job, String extension) {
    if (extension == null || !EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException("extension must be 1-8 of [a-z0-9]");
    }
    String name = job.recipeDigest().prefix(DIGEST_CHARS) + "-"
        + job.source().sha256().prefix(DIGEST_CHARS) + "." + extension;
    return job.target().child(job.assetId() + "/" + job.variant() + "/" + name);
  }

  /**
   * Why the output key of a job with this target, asset and variant could exceed S3's key
   * length for some extension, or empty when every output fits. {@link Job} checks this so that
   * {@link #of} never fails for a job that exists.
   */
  public static Optional<String> lengthProblem(ObjectRef target, String assetId, String variant) {
    int longest = target.key().getBytes(StandardCharsets.UTF_8).length
        + assetId.getBytes(StandardCharsets.UTF_8).length
        + variant.getBytes(StandardCharsets.UTF_8).length
        + FIXED_SUFFIX_BYTES;
    if (longest > ObjectKeys.MAX_KEY_BYTES) {
      return Optional.of("the output key would be up to " + longest
          + " bytes, over the S3 limit of " + ObjectKeys.MAX_KEY_BYTES
          + "; use a shorter target prefix");
    }
    return Optional.empty();
  }
}
