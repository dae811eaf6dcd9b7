package dev.sluice.queue.port;

/** The handle a receive returned; the only way to ack, extend or release that delivery. */
public record ReceiptHandle(String value) {
  public ReceiptHandle {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("receipt handle must not be empty");
    }
  }

  @Override
  public String toString() {
    // Handles are long opaque tokens; a prefix is enough to correlate log lines.
    return value.length() <= 12 ? value : value.substring(0, 12) + "…";
  }
}
