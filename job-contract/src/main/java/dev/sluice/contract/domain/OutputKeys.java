package dev.sluice.contract.domain;

/**
 * The deterministic output location of a job:
 * {@code <target prefix><assetId>/<variant>/<recipeDigest[0..16]>-<sha256[0..16]>.<ext>}.
 * A changed source or preset yields a new key rather than an overwrite, and checking for a
 * finished job costs one HEAD on this key.
 */
public final class OutputKeys {
  private OutputKeys() {}

  public static ObjectRef of(Job job, String extension) {
    if (!extension.matches("[a-z0-9]{1,8}")) {
      throw new IllegalArgumentException("extension must be 1-8 of [a-z0-9]");
    }
    String name = job.recipeDigest().prefix(16) + "-" + job.source().sha256().prefix(16) + "." + extension;
    return job.target().child(job.assetId() + "/" + job.variant() + "/" + name);
  }
}
