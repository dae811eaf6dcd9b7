package dev.sluice.contract.domain;

import java.util.Locale;

/** Which queue a job goes to; workers poll higher priorities first (see the worker's PriorityPoller). */
public enum Priority {
  HIGH,
  NORMAL,
  LOW;

  /** The contract spelling: {@code high|normal|low}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority fromWire(String value) {
    for (Priority p : values()) {
      if (p.wireName().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("priority must be one of high, normal, low");
  }
}
