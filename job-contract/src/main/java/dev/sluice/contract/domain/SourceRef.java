package dev.sluice.contract.domain;

import java.util.Objects;

/** The source object as admitted at enqueue: where it is, its digest, and its size in bytes. */
public record SourceRef(ObjectRef uri, Sha256 sha256, long size) {
  public SourceRef {
    Objects.requireNonNull(uri, "source.uri");
    Objects.requireNonNull(sha256, "source.sha256");
    if (uri.isPrefix()) {
      throw new IllegalArgumentException("source.uri must name an object, not a prefix");
    }
    if (size < 0) {
      throw new IllegalArgumentException("source.size must be zero or more bytes");
    }
  }
}
