package dev.sluice.queue.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SourceStore} adapter must do, written once and run against each: the in-memory
 * model, S3Mock and (where Docker exists) LocalStack. The large-object test is the one that keeps
 * the "a source never sits whole in the heap" promise honest.
 */
public abstract class SourceStoreContract {
  protected static final int MIB = 1 << 20;

  @TempDir protected Path temp;

  /** The store under test; each call may return the same instance within one test. */
  protected abstract SourceStore store();

  /** The bucket objects are seeded into and read from: empty at the start of each test. */
  protected abstract String bucket();

  /**
   * Puts {@code file} at {@code ref} behind the store's back (not through the port), with user
   * metadata, and with an uploaded full-object SHA-256 only when {@code withSha256}.
   */
  protected abstract void seed(ObjectRef ref, Path file, Map<String, String> metadata, boolean withSha256)
      throws IOException;

  protected ObjectRef ref(String name) {
    return new ObjectRef(bucket(), "sources/" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void headOfAbsentObjectIsEmptyNotAFault() {
    assertThat(store().head(ref("absent"))).isEqualTo(Result.ok(Optional.empty()));
  }

  @Test
  void headGivesSizeEtagMetadataAndTheUploadedChecksum() throws Exception {
    ObjectRef ref = ref("small");
    byte[] bytes = "a small source".getBytes(StandardCharsets.UTF_8);
    seed(ref, Files.write(temp.resolve("small"), bytes), Map.of("origin", "camera-7"), true);

    ObjectInfo info = present(store().head(ref));

    assertThat(info.size()).isEqualTo(bytes.length);
    assertThat(info.etag()).isPresent();
    assertThat(info.metadata()).isEqualTo(Map.of("origin", "camera-7"));
    assertThat(info.checksumSha256()).contains(Sha256.of(sha256().digest(bytes)));
  }

  @Test
  void headReportsNoChecksumWhenNoneWasUploaded() throws Exception {
    ObjectRef ref = ref("unsummed");
    seed(ref, Files.writeString(temp.resolve("unsummed"), "no digest sent"), Map.of(), false);

    ObjectInfo info = present(store().head(ref));

    assertThat(info.size()).isEqualTo(14);
    assertThat(info.checksumSha256()).isEmpty();
  }

  @Test
  void openReturnsTheExactBytes() throws Exception {
    ObjectRef ref = ref("exact");
    byte[] bytes = new byte[300_000];
    new Random(7).nextBytes(bytes);
    seed(ref, Files.write(temp.resolve("exact"), bytes), Map.of(), true);

    try (InputStream in = opened(store().open(ref))) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void closingAfterAPartialReadLeavesTheStoreUsable() throws Exception {
    ObjectRef ref = ref("abandoned");
    Path file = temp.resolve("abandoned");
    Sha256 expected = writeSeeded(file, 8L * MIB, 8);
    seed(ref, file, Map.of(), true);

    try (InputStream in = opened(store().open(ref))) {
      assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
    }

    assertThat(present(store().head(ref)).size()).isEqualTo(8L * MIB);
    try (InputStream in = opened(store().open(ref))) {
      assertThat(Sha256.of(sha256().digest(in.readAllBytes()))).isEqualTo(expected);
    }
  }

  @Test
  void openOfMissingObjectIsNotFound() {
    var opened = store().open(ref("missing"));
    assertThat(opened).isInstanceOfSatisfying(Result.Err.class,
        err -> assertThat(err.fault().kind()).isEqualTo(FaultKind.NOT_FOUND));
  }

  @Test
  void fiftyMebibytesStreamThroughWithFlatHeap() throws Exception {
    ObjectRef ref = ref("large");
    Path file = temp.resolve("large");
    Sha256 expected = writeSeeded(file, 50L * MIB, 50);
    seed(ref, file, Map.of(), true);
    Files.delete(file);

    long baseline = usedHeapAfterGc();
    long peakGrowth = 0;
    MessageDigest digest = sha256();
    long total = 0;
    try (InputStream in = opened(store().open(ref))) {
      byte[] chunk = new byte[64 * 1024];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        digest.update(chunk, 0, n);
        total += n;
        if (total % (10L * MIB) < n) {
          peakGrowth = Math.max(peakGrowth, usedHeapAfterGc() - baseline);
        }
      }
      peakGrowth = Math.max(peakGrowth, usedHeapAfterGc() - baseline);
    }

    assertThat(total).isEqualTo(50L * MIB);
    assertThat(Sha256.of(digest.digest())).isEqualTo(expected);
    assertThat(peakGrowth).as("heap retained while streaming 50 MiB").isLessThan(20L * MIB);
  }

  public static ObjectInfo present(Result<Optional<ObjectInfo>> head) {
    assertThat(head).isInstanceOf(Result.Ok.class);
    Optional<ObjectInfo> info = ((Result.Ok<Optional<ObjectInfo>>) head).value();
    assertThat(info).isPresent();
    return info.get();
  }

  public static InputStream opened(Result<InputStream> opened) {
    assertThat(opened).isInstanceOf(Result.Ok.class);
    return ((Result.Ok<InputStream>) opened).value();
  }

  /** Writes {@code size} pseudo-random bytes drawn from {@code seed}, returning their digest. */
  public static Sha256 writeSeeded(Path file, long size, long seed) throws IOException {
    Random random = new Random(seed);
    MessageDigest digest = sha256();
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, left);
        digest.update(block, 0, n);
        out.write(block, 0, n);
      }
    }
    return Sha256.of(digest.digest());
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
