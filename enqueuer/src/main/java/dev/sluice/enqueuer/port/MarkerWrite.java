package dev.sluice.enqueuer.port;

/** What a conditional write of a dedup marker found. */
public enum MarkerWrite {
  /** The marker is now stored. */
  WRITTEN,
  /** Another writer got there first (the create found a marker, or the replace a newer one). */
  CONFLICT
}
