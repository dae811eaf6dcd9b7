package dev.sluice.queue.port;

import java.util.Objects;

/** A typed failure returned by a port instead of an exception; {@code detail} is for people. */
public record Fault(FaultKind kind, String detail) {
  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + ": " + detail;
  }
}
