package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.AdmittedJob;

/**
 * What one variant of a request needs once it is checked: nothing (a fresh marker already names
 * its job), a send, or the send of an identical job earlier in the same call.
 */
sealed interface Slot {

  /** An earlier request enqueued this job within the dedup window. */
  record Existing(AdmittedJob job) implements Slot {}

  /** This job must be sent. */
  record Fresh(PlannedJob planned) implements Slot {}

  /** The same work as {@code original}, sent by another entry of this call. */
  record Alias(PlannedJob original) implements Slot {}
}
