package dev.sluice.queue.adapter.aws;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.Result;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One HeadObject, shared by the source store and the publisher so both read an object's facts the
 * same way. Two invariants: a missing object is a value ({@code Ok(empty)}), never a fault; and the
 * reported SHA-256 is always a digest of the whole object — a composite multipart checksum (a
 * checksum of part checksums, spelt {@code base64-N}) is dropped rather than passed off as one.
 */
final class S3Head {
  private final S3Client s3;

  S3Head(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * The object's facts, or empty when S3 answers 404. Note that S3 answers 403 instead of 404 for a
   * missing key when the caller lacks {@code s3:ListBucket}: that stays an UNAUTHORIZED fault.
   */
  Result<Optional<ObjectInfo>> of(ObjectRef object) {
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(object.bucket()).key(object.key())
          .checksumMode(ChecksumMode.ENABLED));
      return Result.ok(Optional.of(info(head)));
    } catch (S3Exception e) {
      return e.statusCode() == 404 ? Result.ok(Optional.empty())
          : Result.err(AwsFaults.classify("HeadObject " + object, e));
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("HeadObject " + object, e));
    }
  }

  static ObjectInfo info(HeadObjectResponse head) {
    long size = head.contentLength() == null ? 0 : head.contentLength();
    return new ObjectInfo(size, Optional.ofNullable(head.eTag()),
        fullObjectSha256(head.checksumSHA256(), head.checksumType()), lowerCaseKeys(head.metadata()));
  }

  /**
   * The hex digest for a base64 {@code x-amz-checksum-sha256}, when it covers the whole object:
   * its type is FULL_OBJECT or not given (single-part uploads from older servers), it has no
   * {@code -N} part-count suffix, and it decodes to exactly 32 bytes.
   */
  static Optional<Sha256> fullObjectSha256(String base64, ChecksumType type) {
    if (base64 == null || base64.indexOf('-') >= 0) {
      return Optional.empty();
    }
    if (type != null && type != ChecksumType.FULL_OBJECT) {
      return Optional.empty();
    }
    try {
      byte[] digest = Base64.getDecoder().decode(base64);
      return digest.length == 32 ? Optional.of(Sha256.of(digest)) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** S3 already returns lower-case keys; S3-compatible servers are not all as careful. */
  private static Map<String, String> lowerCaseKeys(Map<String, String> metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    metadata.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }
}
