package dev.sluice.queue.port;

/** What a conditional write found. */
public enum PublishOutcome {
  /** The object did not exist and now does. */
  CREATED,
  /** An object was already at the key; nothing was overwritten. */
  ALREADY_PRESENT
}
