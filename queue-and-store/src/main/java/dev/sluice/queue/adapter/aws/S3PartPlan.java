package dev.sluice.queue.adapter.aws;

/**
 * How a file of {@code size} bytes is cut into multipart-upload parts. S3 allows at most 10,000
 * parts of at least 5 MiB (the last may be smaller), so the part size grows past the preferred one
 * when a file would otherwise need more parts than that.
 *
 * @param size the file's size in bytes
 * @param partSize the size of every part but the last
 * @param count the number of parts, at least one
 */
record S3PartPlan(long size, long partSize, int count) {
  static final long MIN_PART_SIZE = 5L << 20;
  static final int MAX_PARTS = 10_000;

  S3PartPlan {
    if (partSize < 1 || count < 1 || count > MAX_PARTS || (count - 1) * partSize >= Math.max(size, 1)) {
      throw new IllegalArgumentException("inconsistent part plan: " + size + " bytes in " + count
          + " parts of " + partSize);
    }
  }

  static S3PartPlan of(long size, long preferredPartSize) {
    long partSize = Math.max(preferredPartSize, Math.ceilDiv(size, MAX_PARTS));
    int count = (int) Math.max(1, Math.ceilDiv(size, partSize));
    return new S3PartPlan(size, partSize, count);
  }

  /** Where part {@code number} (1-based, as S3 counts) starts in the file. */
  long offset(int number) {
    return (number - 1) * partSize;
  }

  /** How many bytes part {@code number} (1-based) holds. */
  long length(int number) {
    return Math.min(partSize, size - offset(number));
  }
}
