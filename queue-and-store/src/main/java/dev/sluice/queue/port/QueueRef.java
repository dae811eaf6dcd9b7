package dev.sluice.queue.port;

/**
 * Names a queue for the {@link JobQueue} adapter: a queue URL for SQS, a name in memory.
 * {@code label} is the short name used in logs and telemetry (e.g. {@code sluice-cpu-high}).
 */
public record QueueRef(String id, String label) {
  public QueueRef {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("queue id must not be blank");
    }
    if (label == null || label.isBlank()) {
      label = id.substring(id.lastIndexOf('/') + 1);
    }
  }

  public static QueueRef of(String id) {
    return new QueueRef(id, null);
  }

  @Override
  public String toString() {
    return label;
  }
}
