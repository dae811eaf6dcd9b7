package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.DedupKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Dedup inside one call: markers are read before anything is sent, so two entries of one batch
 * asking for the same work would both look fresh. The first keeps its send; every later one
 * becomes an alias of it and is answered with its job.
 */
final class InCallDedup {

  /** Rewrites later duplicates to aliases in place; answers the jobs left to send, in order. */
  List<PlannedJob> apply(List<RequestPreparer.Preparation> prepared) {
    Map<DedupKey, PlannedJob> first = new HashMap<>();
    List<PlannedJob> toSend = new ArrayList<>();
    for (RequestPreparer.Preparation p : prepared) {
      if (!(p instanceof RequestPreparer.Preparation.Ready ready)) {
        continue;
      }
      ListIterator<Slot> slots = ready.slots().listIterator();
      while (slots.hasNext()) {
        if (slots.next() instanceof Slot.Fresh fresh) {
          PlannedJob earlier = first.putIfAbsent(fresh.planned().key(), fresh.planned());
          if (earlier == null) {
            toSend.add(fresh.planned());
          } else {
            slots.set(new Slot.Alias(earlier));
          }
        }
      }
    }
    return toSend;
  }
}
