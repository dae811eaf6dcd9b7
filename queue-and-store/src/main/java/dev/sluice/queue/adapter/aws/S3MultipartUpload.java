package dev.sluice.queue.adapter.aws;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.Artifact;
import dev.sluice.queue.port.PublishOutcome;
import dev.sluice.queue.port.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A large artifact written as an S3 multipart upload that stays as conditional as a single PUT: the
 * {@code If-None-Match: *} goes on CompleteMultipartUpload, where S3 checks it. Every part carries
 * a SHA-256 that S3 verifies, parts stream from their slice of the file, and an upload that does not
 * complete is aborted so no invisible parts are left billing in the bucket.
 */
final class S3MultipartUpload {
  private static final Logger log = LoggerFactory.getLogger(S3MultipartUpload.class);

  private final S3Client s3;
  private final long partSize;

  S3MultipartUpload(S3Client s3, long partSize) {
    this.s3 = s3;
    this.partSize = partSize;
  }

  Result<PublishOutcome> publish(Artifact artifact, long size) {
    ObjectRef key = artifact.key();
    String uploadId;
    try {
      uploadId = s3.createMultipartUpload(b -> b.bucket(key.bucket()).key(key.key())
          .checksumAlgorithm(ChecksumAlgorithm.SHA256).contentType(artifact.contentType())
          .metadata(artifact.metadata())).uploadId();
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("CreateMultipartUpload " + key, e));
    }
    try {
      List<CompletedPart> parts = uploadParts(artifact, uploadId, S3PartPlan.of(size, partSize));
      s3.completeMultipartUpload(b -> b.bucket(key.bucket()).key(key.key()).uploadId(uploadId)
          .ifNoneMatch("*").multipartUpload(m -> m.parts(parts)));
      return Result.ok(PublishOutcome.CREATED);
    } catch (S3Exception e) {
      abort(key, uploadId);
      return S3Publisher.keyTaken(e) ? Result.ok(PublishOutcome.ALREADY_PRESENT)
          : Result.err(AwsFaults.classify("multipart upload of " + key, e));
    } catch (SdkException | UncheckedIOException e) {
      abort(key, uploadId);
      return Result.err(AwsFaults.classify("multipart upload of " + key, e));
    }
  }

  private List<CompletedPart> uploadParts(Artifact artifact, String uploadId, S3PartPlan plan) {
    ObjectRef key = artifact.key();
    List<CompletedPart> parts = new ArrayList<>(plan.count());
    for (int number = 1; number <= plan.count(); number++) {
      int n = number;
      long length = plan.length(n);
      try (S3PartBody body = new S3PartBody(artifact.file(), plan.offset(n), length)) {
        UploadPartResponse sent = s3.uploadPart(b -> b.bucket(key.bucket()).key(key.key())
                .uploadId(uploadId).partNumber(n).contentLength(length)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256),
            RequestBody.fromContentProvider(body, length, "application/octet-stream"));
        parts.add(CompletedPart.builder().partNumber(n).eTag(sent.eTag())
            .checksumSHA256(sent.checksumSHA256()).build());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close part " + n + " of " + artifact.file(), e);
      }
    }
    log.debug("uploaded {} parts of {} bytes for {}", plan.count(), plan.partSize(), key);
    return parts;
  }

  /** Best effort: a 409 on complete may already have removed the upload, so 404 here is expected. */
  private void abort(ObjectRef key, String uploadId) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(key.bucket()).key(key.key()).uploadId(uploadId));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        log.debug("multipart upload {} of {} was already gone", uploadId, key);
      } else {
        log.warn("could not abort multipart upload {} of {}: {}", uploadId, key, AwsFaults.describe(e));
      }
    } catch (SdkException e) {
      log.warn("could not abort multipart upload {} of {}: {}", uploadId, key, AwsFaults.describe(e));
    }
  }
}
