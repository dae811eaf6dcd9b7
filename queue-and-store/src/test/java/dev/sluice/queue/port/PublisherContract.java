package dev.sluice.queue.port;

import static dev.sluice.queue.port.SourceStoreContract.present;
import static dev.sluice.queue.port.SourceStoreContract.sha256;
import static dev.sluice.queue.port.SourceStoreContract.writeSeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Publisher} adapter must do, written once and run against each: the in-memory
 * model, S3Mock and (where Docker exists) LocalStack. The heart of it is idempotence: a second
 * publish to a taken key reports {@link PublishOutcome#ALREADY_PRESENT} and changes nothing, on
 * the single-request path and the multipart one alike.
 */
public abstract class PublisherContract {
  protected static final long MIB = 1L << 20;

  @TempDir protected Path temp;

  /**
   * A publisher into {@link #bucket()} that uploads files of at least {@code multipartThreshold} bytes
   * in parts of {@code partSize} (adapters without multipart ignore both).
   */
  protected abstract Publisher newPublisher(long multipartThreshold, long partSize);

  /** The bucket published into: empty at the start of each test. */
  protected abstract String bucket();

  /** The stored bytes at {@code ref}, read behind the publisher's back; the caller closes it. */
  protected abstract InputStream readBack(ObjectRef ref) throws IOException;

  protected Publisher publisher() {
    return newPublisher(64 * MIB, 16 * MIB);
  }

  protected ObjectRef ref(String name) {
    return new ObjectRef(bucket(), "outputs/" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Test
  void firstPublishCreatesAndASecondNeverOverwrites() throws Exception {
    Publisher publisher = publisher();
    ObjectRef key = ref("once");
    Path first = Files.writeString(temp.resolve("first"), "the first rendition");
    Path second = Files.writeString(temp.resolve("second"), "a different, later rendition");

    assertThat(publisher.publish(artifact(key, first, Map.of()))).isEqualTo(Result.ok(PublishOutcome.CREATED));
    assertThat(publisher.publish(artifact(key, second, Map.of())))
        .isEqualTo(Result.ok(PublishOutcome.ALREADY_PRESENT));

    assertThat(digestOf(key)).isEqualTo(Sha256.of(sha256().digest(Files.readAllBytes(first))));
  }

  @Test
  void probeSeesSizeMetadataAndFullObjectChecksumOfAPublishedFile() throws Exception {
    Publisher publisher = publisher();
    ObjectRef key = ref("described");
    byte[] bytes = "segment bytes".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(temp.resolve("described"), bytes);
    Map<String, String> metadata = Map.of("sluice-job-id", "job-42", "sluice-source-sha256", "ab".repeat(32));

    publisher.publish(artifact(key, file, metadata));
    ObjectInfo info = present(publisher.probe(key));

    assertThat(info.size()).isEqualTo(bytes.length);
    assertThat(info.metadata()).isEqualTo(metadata);
    assertThat(info.checksumSha256()).contains(Sha256.of(sha256().digest(bytes)));
  }

  @Test
  void metadataKeysComeBackLowerCase() throws Exception {
    Publisher publisher = publisher();
    ObjectRef key = ref("cased");
    Path file = Files.writeString(temp.resolve("cased"), "x");

    publisher.publish(artifact(key, file, Map.of("Sluice-Trace-Id", "Trace-ABC")));

    assertThat(present(publisher.probe(key)).metadata()).isEqualTo(Map.of("sluice-trace-id", "Trace-ABC"));
  }

  @Test
  void probeOfAbsentKeyIsEmptyNotAFault() {
    assertThat(publisher().probe(ref("absent"))).isEqualTo(Result.ok(Optional.empty()));
  }

  @Test
  void anEmptyFileIsPublishedAsAnEmptyObject() throws Exception {
    Publisher publisher = publisher();
    ObjectRef key = ref("empty");

    var outcome = publisher.publish(artifact(key, Files.createFile(temp.resolve("empty")), Map.of()));

    assertThat(outcome).isEqualTo(Result.ok(PublishOutcome.CREATED));
    assertThat(present(publisher.probe(key)).size()).isZero();
  }

  @Test
  void anUnreadableFileIsRejectedAndNothingIsWritten() {
    Publisher publisher = publisher();
    ObjectRef key = ref("no-file");

    var outcome = publisher.publish(artifact(key, temp.resolve("does-not-exist"), Map.of()));

    assertThat(outcome).isInstanceOfSatisfying(Result.Err.class,
        err -> assertThat(err.fault().kind()).isEqualTo(FaultKind.REJECTED));
    assertThat(publisher.probe(key)).isEqualTo(Result.ok(Optional.empty()));
  }

  @Test
  void multipartPublishIsConditionalToo() throws Exception {
    Publisher publisher = newPublisher(5 * MIB, 5 * MIB);
    ObjectRef key = ref("multipart");
    Path first = temp.resolve("first.bin");
    Path second = temp.resolve("second.bin");
    Sha256 firstDigest = writeSeeded(first, 12 * MIB, 1);
    writeSeeded(second, 12 * MIB, 2);
    Map<String, String> metadata = Map.of("sluice-job-id", "job-big");

    assertThat(publisher.publish(artifact(key, first, metadata))).isEqualTo(Result.ok(PublishOutcome.CREATED));
    assertThat(publisher.publish(artifact(key, second, metadata)))
        .isEqualTo(Result.ok(PublishOutcome.ALREADY_PRESENT));

    ObjectInfo info = present(publisher.probe(key));
    assertThat(info.size()).isEqualTo(12 * MIB);
    assertThat(info.metadata()).isEqualTo(metadata);
    // S3 keeps only a composite SHA-256 for multipart objects: a store may report none, never a wrong one.
    info.checksumSha256().ifPresent(sum -> assertThat(sum).isEqualTo(firstDigest));
    assertThat(digestOf(key)).isEqualTo(firstDigest);
  }

  protected static Artifact artifact(ObjectRef key, Path file, Map<String, String> metadata) {
    return new Artifact(key, file, "application/octet-stream", metadata);
  }

  protected Sha256 digestOf(ObjectRef key) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(readBack(key), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return Sha256.of(digest.digest());
  }
}
