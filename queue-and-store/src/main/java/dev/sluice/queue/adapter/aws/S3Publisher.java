package dev.sluice.queue.adapter.aws;

import dev.sluice.contract.domain.ObjectKeys;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.Artifact;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.PublishOutcome;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes outputs to S3 so that a key, once written, is never overwritten: every write carries
 * {@code If-None-Match: *}, and S3's refusal (412, or 409 for a conditional write racing another)
 * is the value {@link PublishOutcome#ALREADY_PRESENT}, which is what makes redelivered jobs safe.
 * Files above the multipart threshold go up in parts, after a HEAD so a taken key is not uploaded
 * for nothing; S3 verifies a SHA-256 on every request body. The client is the caller's to close.
 */
public final class S3Publisher implements Publisher {
  public static final long DEFAULT_MULTIPART_THRESHOLD = 64L << 20;
  public static final long DEFAULT_PART_SIZE = 16L << 20;
  /** S3 refuses a single PUT above 5 GiB. */
  static final long MAX_SINGLE_PUT = 5L << 30;

  private final S3Client s3;
  private final S3Head head;
  private final S3MultipartUpload multipart;
  private final long multipartThreshold;

  public S3Publisher(S3Client s3) {
    this(s3, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
  }

  /**
   * @param multipartThreshold files of at least this many bytes are uploaded in parts (at most 5 GiB)
   * @param partSize the preferred part size in bytes, at least S3's minimum of 5 MiB
   */
  public S3Publisher(S3Client s3, long multipartThreshold, long partSize) {
    if (multipartThreshold < 1 || multipartThreshold > MAX_SINGLE_PUT) {
      throw new IllegalArgumentException("multipartThreshold must be 1 byte to 5 GiB, got " + multipartThreshold);
    }
    if (partSize < S3PartPlan.MIN_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be at least 5 MiB (S3's minimum), got " + partSize);
    }
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.head = new S3Head(s3);
    this.multipart = new S3MultipartUpload(s3, partSize);
    this.multipartThreshold = multipartThreshold;
  }

  @Override
  public Result<Optional<ObjectInfo>> probe(ObjectRef key) {
    return head.of(key);
  }

  @Override
  public Result<PublishOutcome> publish(Artifact artifact) {
    long size;
    try {
      size = Files.size(artifact.file());
    } catch (IOException e) {
      return Result.err(FaultKind.REJECTED, "cannot read " + artifact.file() + ": " + e);
    }
    return size >= multipartThreshold ? publishInParts(artifact, size) : putObject(artifact);
  }

  /**
   * Whether the bucket exists and these credentials may use it: one HeadBucket, for boot checks.
   * The fault says which of NOT_FOUND, UNAUTHORIZED or UNREACHABLE it was, naming the bucket.
   */
  public Result<Void> checkBucket(String bucket) {
    Optional<String> problem = ObjectKeys.bucketProblem(bucket);
    if (problem.isPresent()) {
      return Result.err(FaultKind.REJECTED, problem.get());
    }
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return Result.ok(null);
    } catch (SdkException e) {
      Fault fault = AwsFaults.classify("HeadBucket " + bucket, e);
      String why = switch (fault.kind()) {
        case NOT_FOUND -> "bucket '" + bucket + "' does not exist";
        case UNAUTHORIZED -> "these credentials may not use bucket '" + bucket
            + "' (HeadBucket needs s3:ListBucket)";
        case UNREACHABLE, TIMEOUT -> "S3 could not be reached to check bucket '" + bucket + "'";
        default -> "bucket '" + bucket + "' cannot be used";
      };
      return Result.err(new Fault(fault.kind(), why + "; " + fault.detail()));
    }
  }

  /**
   * One HEAD first: a taken key then costs a request instead of uploading every part only to be
   * refused at completion. The conditional complete still settles a race with another writer.
   */
  private Result<PublishOutcome> publishInParts(Artifact artifact, long size) {
    Result<Optional<ObjectInfo>> existing = head.of(artifact.key());
    if (existing instanceof Result.Err<Optional<ObjectInfo>> err) {
      return Result.err(err.fault());
    }
    if (existing instanceof Result.Ok<Optional<ObjectInfo>> ok && ok.value().isPresent()) {
      return Result.ok(PublishOutcome.ALREADY_PRESENT);
    }
    return multipart.publish(artifact, size);
  }

  private Result<PublishOutcome> putObject(Artifact artifact) {
    ObjectRef key = artifact.key();
    try {
      s3.putObject(b -> b.bucket(key.bucket()).key(key.key()).ifNoneMatch("*")
              .checksumAlgorithm(ChecksumAlgorithm.SHA256).contentType(artifact.contentType())
              .metadata(artifact.metadata()),
          RequestBody.fromFile(artifact.file()));
      return Result.ok(PublishOutcome.CREATED);
    } catch (S3Exception e) {
      return keyTaken(e) ? Result.ok(PublishOutcome.ALREADY_PRESENT)
          : Result.err(AwsFaults.classify("PutObject " + key, e));
    } catch (SdkException | UncheckedIOException e) {
      return Result.err(AwsFaults.classify("PutObject " + key, e));
    }
  }

  /**
   * Whether a conditional write failed because the key is taken: 412 PreconditionFailed. A 409
   * ConditionalRequestConflict is deliberately not "taken": another write to the key was in flight
   * and may still fail, so acking now could lose the output. It classifies as a transient fault,
   * the job retries, and the next delivery's probe settles it.
   */
  static boolean keyTaken(S3Exception e) {
    return e.statusCode() == 412;
  }
}
