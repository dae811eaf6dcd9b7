package dev.sluice.localstack.s3;

import dev.sluice.contract.domain.ObjectRef;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * A fresh bucket on a real S3-compatible server, with raw SDK access to it that bypasses the
 * adapters under test: contract suites seed and read back through this, so an adapter bug cannot
 * hide behind itself.
 */
final class S3TestBucket {
  private final S3Client s3;
  private final String name;

  private S3TestBucket(S3Client s3, String name) {
    this.s3 = s3;
    this.name = name;
  }

  /** Creates a bucket named {@code prefix-<random>} on the server {@code s3} talks to. */
  static S3TestBucket create(S3Client s3, String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(name));
    return new S3TestBucket(s3, name);
  }

  String name() {
    return name;
  }

  S3Client client() {
    return s3;
  }

  /** A plain PutObject; with {@code withSha256} S3 stores the full-object SHA-256 it verified. */
  void put(ObjectRef ref, Path file, Map<String, String> metadata, boolean withSha256) {
    s3.putObject(b -> {
      b.bucket(ref.bucket()).key(ref.key()).metadata(metadata);
      if (withSha256) {
        b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
      }
    }, RequestBody.fromFile(file));
  }

  InputStream open(ObjectRef ref) {
    return s3.getObject(b -> b.bucket(ref.bucket()).key(ref.key()));
  }

  /** How many multipart uploads were started in this bucket and neither completed nor aborted. */
  int openMultipartUploads() {
    return s3.listMultipartUploads(b -> b.bucket(name)).uploads().size();
  }
}
