package dev.sluice.enqueuer.adapter.aws;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.enqueuer.domain.DedupKey;
import dev.sluice.enqueuer.domain.DedupMarker;
import dev.sluice.enqueuer.port.DedupMarkers;
import dev.sluice.enqueuer.port.MarkerWrite;
import dev.sluice.enqueuer.port.StoredMarker;
import dev.sluice.queue.adapter.aws.AwsFaults;
import dev.sluice.queue.port.Result;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Dedup markers as small S3 objects, {@code s3://<bucket>/<prefix><key>.json}: no database, just
 * S3's conditional writes. A create is a PUT with {@code If-None-Match: *} and a replace one with
 * {@code If-Match: <ETag read>}; S3 answers 412 to the loser of a race, which is a
 * {@link MarkerWrite#CONFLICT}, not a fault. A marker that cannot be read as one is reported as
 * expired, so the next job replaces it instead of every request for that work failing. A
 * lifecycle rule on the prefix (expire after the window plus a day) keeps the bucket small.
 */
public final class S3DedupMarkers implements DedupMarkers {
  private static final UUID UNREADABLE = new UUID(0, 0);

  private final S3Client s3;
  private final ObjectRef prefix;
  private final MarkerJson json = new MarkerJson();

  /** Markers under {@code prefix} (a prefix {@link ObjectRef}, e.g. {@code s3://b/sluice-dedup/}). */
  public S3DedupMarkers(S3Client s3, ObjectRef prefix) {
    if (!prefix.isPrefix()) {
      throw new IllegalArgumentException("dedup markers need a prefix ending in '/', got " + prefix);
    }
    this.s3 = s3;
    this.prefix = prefix;
  }

  /** Where the marker for {@code key} lives. */
  public ObjectRef location(DedupKey key) {
    return prefix.child(key.value().hex() + ".json");
  }

  @Override
  public Result<Optional<StoredMarker>> read(DedupKey key) {
    ObjectRef at = location(key);
    try {
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(at.bucket()).key(at.key()));
      DedupMarker marker = json.decode(got.asByteArray())
          .orElse(new DedupMarker(UNREADABLE, at, Instant.EPOCH));
      return Result.ok(Optional.of(new StoredMarker(marker, got.response().eTag())));
    } catch (S3Exception e) {
      return e.statusCode() == 404 ? Result.ok(Optional.empty())
          : Result.err(AwsFaults.classify("GetObject " + at, e));
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("GetObject " + at, e));
    }
  }

  @Override
  public Result<MarkerWrite> create(DedupKey key, DedupMarker marker) {
    return put(key, marker, b -> b.ifNoneMatch("*"));
  }

  @Override
  public Result<MarkerWrite> replace(DedupKey key, DedupMarker marker, String version) {
    return put(key, marker, b -> b.ifMatch(version));
  }

  private Result<MarkerWrite> put(DedupKey key, DedupMarker marker,
      Consumer<PutObjectRequest.Builder> condition) {
    ObjectRef at = location(key);
    try {
      s3.putObject(b -> {
        b.bucket(at.bucket()).key(at.key()).contentType("application/json");
        condition.accept(b);
      }, RequestBody.fromBytes(json.encode(marker)));
      return Result.ok(MarkerWrite.WRITTEN);
    } catch (S3Exception e) {
      return e.statusCode() == 412 ? Result.ok(MarkerWrite.CONFLICT)
          : Result.err(AwsFaults.classify("PutObject " + at, e));
    } catch (SdkException e) {
      return Result.err(AwsFaults.classify("PutObject " + at, e));
    }
  }
}
