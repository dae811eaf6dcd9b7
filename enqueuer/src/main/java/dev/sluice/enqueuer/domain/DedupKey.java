package dev.sluice.enqueuer.domain;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What makes two jobs the same work: the asset, the variant, the source bytes (their SHA-256), the
 * recipe (its digest) and the target prefix. Equal keys mean equal output keys, so a second job
 * could only redo the first. The target is part of the key because the output key depends on it:
 * without it, a request for a new target would be answered with an output somewhere else.
 *
 * <p>The key is the SHA-256 of the five values, one per line after a version line; none of them
 * can contain a line break (the contract's name rules), so two different tuples never share an
 * input.
 */
public record DedupKey(Sha256 value) {

  public static DedupKey of(String assetId, String variant, Sha256 source, Sha256 recipe,
      ObjectRef target) {
    String canonical = "sluice-dedup-v1\n" + assetId + "\n" + variant + "\n" + source.hex() + "\n"
        + recipe.hex() + "\n" + target.toUri();
    try {
      return new DedupKey(Sha256.of(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value.hex();
  }
}
