package dev.sluice.queue.adapter.aws;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads sources from S3. A source may be many gigabytes, so {@link #open} hands out the live
 * GetObject body and never buffers it; every SDK failure, before or during the read, leaves as a
 * typed fault or a plain {@link java.io.IOException}. The client is the caller's to close.
 */
public final class S3SourceStore implements SourceStore {
  private final S3Client s3;
  private final S3Head head;

  public S3SourceStore(S3Client s3) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.head = new S3Head(s3);
  }

  @Override
  public Result<Optional<ObjectInfo>> head(ObjectRef object) {
    return head.of(object);
  }

  @Override
  public Result<InputStream> open(ObjectRef object) {
    try {
      ResponseInputStream<GetObjectResponse> body =
          s3.getObject(b -> b.bucket(object.bucket()).key(object.key()));
      Long length = body.response().contentLength();
      return Result.ok(new S3ReadStream(body, object.toString(), length == null ? Long.MAX_VALUE : length));
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("GetObject " + object, e));
    }
  }
}
