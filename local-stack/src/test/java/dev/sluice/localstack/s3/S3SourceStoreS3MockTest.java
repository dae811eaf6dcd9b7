package dev.sluice.localstack.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.queue.adapter.aws.S3SourceStore;
import dev.sluice.queue.port.SourceStore;
import dev.sluice.queue.port.SourceStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** The source-store contract against S3Mock (a child process on loopback), bucket per test. */
@ExtendWith(StackExtension.class)
class S3SourceStoreS3MockTest extends SourceStoreContract {
  private final S3TestBucket bucket;
  private final S3SourceStore store;

  S3SourceStoreS3MockTest(EmbeddedStack stack) {
    this.bucket = S3TestBucket.create(stack.s3(), "sources");
    this.store = new S3SourceStore(stack.s3());
  }

  @Override
  protected SourceStore store() {
    return store;
  }

  @Override
  protected String bucket() {
    return bucket.name();
  }

  @Override
  protected void seed(ObjectRef ref, Path file, Map<String, String> metadata, boolean withSha256) {
    bucket.put(ref, file, metadata, withSha256);
  }

  @Test
  void compositeMultipartChecksumIsNotReportedAsTheObjectDigest() throws Exception {
    ObjectRef ref = ref("composite");
    Path file = temp.resolve("composite");
    writeSeeded(file, 6L * MIB, 6);
    uploadInTwoParts(bucket.client(), ref, file);

    var info = present(store.head(ref));

    assertThat(info.size()).isEqualTo(6L * MIB);
    assertThat(info.checksumSha256()).isEmpty();
  }

  private static void uploadInTwoParts(S3Client s3, ObjectRef ref, Path file) throws Exception {
    byte[] all = Files.readAllBytes(file);
    String id = s3.createMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key())
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    int split = 5 * MIB;
    for (int n = 1; n <= 2; n++) {
      int part = n;
      byte[] bytes = Arrays.copyOfRange(all, n == 1 ? 0 : split, n == 1 ? split : all.length);
      var sent = s3.uploadPart(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(id).partNumber(part)
          .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bytes));
      parts.add(CompletedPart.builder().partNumber(part).eTag(sent.eTag())
          .checksumSHA256(sent.checksumSHA256()).build());
    }
    s3.completeMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(id)
        .multipartUpload(m -> m.parts(parts)));
  }
}
