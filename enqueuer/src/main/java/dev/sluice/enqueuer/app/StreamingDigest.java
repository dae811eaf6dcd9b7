package dev.sluice.enqueuer.app;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.enqueuer.domain.Refusal;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Computes a source's SHA-256 by reading it once as a stream, never holding it in memory. The
 * byte count must equal the size the HEAD reported: if the object was replaced in between, the
 * digest would pin bytes of another size than the job claims, so the request is answered 503 and
 * the client's retry sees a consistent object.
 */
final class StreamingDigest {
  private static final int BUFFER = 64 * 1024;

  /** What hashing gave: the digest, or why there is none. */
  sealed interface Hashed {
    record Digest(Sha256 sha256) implements Hashed {}

    record Refused(Refusal refusal) implements Hashed {}
  }

  private final SourceStore store;
  private final Duration retryAfter;

  StreamingDigest(SourceStore store, Duration retryAfter) {
    this.store = store;
    this.retryAfter = retryAfter;
  }

  Hashed of(ObjectRef source, long expectedSize) {
    return switch (store.open(source)) {
      case Result.Err<InputStream> err -> new Hashed.Refused(
          FaultRefusals.ofSource(err.fault(), "read the source " + source + " to hash it", retryAfter));
      case Result.Ok<InputStream> ok -> read(ok.value(), source, expectedSize);
    };
  }

  private Hashed read(InputStream in, ObjectRef source, long expectedSize) {
    MessageDigest sha = sha256();
    long count = 0;
    try (in) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
        count += n;
        if (count > expectedSize) {
          break;
        }
      }
    } catch (IOException e) {
      return new Hashed.Refused(new Refusal.Unavailable("Reading the source " + source
          + " to hash it failed: " + e.getMessage() + ".", retryAfter));
    }
    if (count != expectedSize) {
      return new Hashed.Refused(new Refusal.Unavailable("The source " + source + " changed while it"
          + " was read: HEAD said " + expectedSize + " bytes, the read gave "
          + (count > expectedSize ? "more" : count + "") + ".", retryAfter));
    }
    return new Hashed.Digest(Sha256.of(sha.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

}
