package dev.sluice.contract.domain;

import java.util.Optional;

/**
 * An S3 object (or, with a key ending in '/', a prefix): bucket plus key, with the key already
 * checked by {@link ObjectKeys} so that no traversal or control character can reach a store.
 */
public record ObjectRef(String bucket, String key) {

  public ObjectRef {
    Optional<String> bucketProblem = ObjectKeys.bucketProblem(bucket);
    if (bucketProblem.isPresent()) {
      throw new IllegalArgumentException(bucketProblem.get());
    }
    Optional<String> keyProblem = ObjectKeys.keyProblem(key);
    if (keyProblem.isPresent()) {
      throw new IllegalArgumentException(keyProblem.get());
    }
  }

  /** Parses {@code s3://bucket/key}; the key may be empty only when {@code allowEmptyKey}. */
  public static ObjectRef parseS3Uri(String uri, boolean allowEmptyKey) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new IllegalArgumentException("must be an s3://bucket/key URI");
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      if (allowEmptyKey) {
        return new ObjectRef(rest, "");
      }
      throw new IllegalArgumentException("must name an object: s3://bucket/key");
    }
    String key = rest.substring(slash + 1);
    if (key.isEmpty() && !allowEmptyKey) {
      throw new IllegalArgumentException("must name an object: s3://bucket/key");
    }
    return new ObjectRef(rest.substring(0, slash), key);
  }

  /** True when this ref names a prefix (empty key or key ending in '/'). */
  public boolean isPrefix() {
    return key.isEmpty() || key.endsWith("/");
  }

  /** A child of this prefix; the result is validated like any key. */
  public ObjectRef child(String relativeKey) {
    if (!isPrefix()) {
      throw new IllegalArgumentException("not a prefix: " + this);
    }
    return new ObjectRef(bucket, key + relativeKey);
  }

  /**
   * True when this object lies in the bucket and under the key prefix of {@code prefix}. Always
   * false when {@code prefix} is not a prefix: otherwise {@code tenants/a} would "contain"
   * {@code tenants/ab/x}, a sibling, and a confinement check built on this would leak.
   */
  public boolean isUnder(ObjectRef prefix) {
    return prefix.isPrefix() && bucket.equals(prefix.bucket()) && key.startsWith(prefix.key());
  }

  public String toUri() {
    return "s3://" + bucket + "/" + key;
  }

  @Override
  public String toString() {
    return toUri();
  }
}
