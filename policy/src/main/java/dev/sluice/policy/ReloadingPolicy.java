package dev.sluice.policy;

import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.PolicyEngine;
import dev.sluice.policy.domain.PolicyRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules file as a live policy: operators tighten the rules by editing the file, without
 * restarting the enqueuer or the workers. At most once per re-check interval a call stats the
 * file, and re-reads it only when its size, time or identity changed.
 *
 * <p>It fails closed: while the file is missing, unreadable or invalid every decision is
 * {@link Decision.Undecidable}, which callers retry later. Keeping the last good rules instead
 * would silently keep admitting what a broken edit meant to refuse. It recovers by itself once
 * the file is valid again.
 *
 * <p>Thread-safe: callers read one immutable snapshot from an {@link AtomicReference}; one caller
 * at a time refreshes it, and the others decide on the current snapshot meanwhile.
 */
public final class ReloadingPolicy implements PolicySource {

  private static final Logger log = LoggerFactory.getLogger(ReloadingPolicy.class);

  /** What the last look at the file found; replaced whole, never changed in place. */
  private record Snapshot(RulesFile.Result result, Optional<FileStamp> stamp, Instant checkedAt) {}

  private final RulesFile file;
  private final InstantSource clock;
  private final Duration recheckInterval;
  private final ReentrantLock refreshing = new ReentrantLock();
  private final AtomicReference<Snapshot> current;

  /**
   * Reads the file once now; a file that cannot be used is not an error here but makes the
   * decisions Undecidable. Throws only for a path without a known extension or a bad interval.
   */
  public ReloadingPolicy(Path path, InstantSource clock, Duration recheckInterval) {
    this.file = new RulesFile(path);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recheckInterval = Objects.requireNonNull(recheckInterval, "recheckInterval");
    if (recheckInterval.isNegative()) {
      throw new IllegalArgumentException(
          "recheckInterval must be zero or positive, was " + recheckInterval);
    }
    Snapshot first = look(null, clock.instant());
    report(null, first.result());
    this.current = new AtomicReference<>(first);
  }

  @Override
  public Decision evaluate(PolicyRequest request) {
    return switch (refreshIfDue().result()) {
      case RulesFile.Loaded loaded ->
          PolicyEngine.evaluate(loaded.rules(), loaded.revision(), request);
      case RulesFile.Invalid invalid -> new Decision.Undecidable(
          invalid.problem() + " No decision until it is fixed.", invalid.revision());
    };
  }

  /** What the file held at the last look, without looking again: for health checks and boot. */
  public RulesFile.Result lastRead() {
    return current.get().result();
  }

  private Snapshot refreshIfDue() {
    Snapshot seen = current.get();
    Instant now = clock.instant();
    // One refresher is enough; the others decide on the snapshot that is current meanwhile.
    if (!isDue(seen, now) || !refreshing.tryLock()) {
      return seen;
    }
    try {
      Snapshot latest = current.get();
      if (!isDue(latest, now)) {
        return latest;
      }
      Snapshot next = look(latest, now);
      current.set(next);
      report(latest.result(), next.result());
      return next;
    } finally {
      refreshing.unlock();
    }
  }

  private boolean isDue(Snapshot snapshot, Instant now) {
    Duration since = Duration.between(snapshot.checkedAt(), now);
    // A clock stepped backwards must not postpone the next look until it catches up.
    return since.isNegative() || since.compareTo(recheckInterval) >= 0;
  }

  private Snapshot look(Snapshot previous, Instant now) {
    // Stat before reading: a change made while reading shows up as a new stamp next time.
    Optional<FileStamp> stamp = FileStamp.of(file.path());
    boolean unchanged = previous != null
        && previous.result() instanceof RulesFile.Loaded
        && stamp.isPresent()
        && stamp.equals(previous.stamp());
    // A broken file is re-read every time: fixing permissions changes neither size nor time.
    RulesFile.Result result = unchanged ? previous.result() : file.read();
    return new Snapshot(result, stamp, now);
  }

  private void report(RulesFile.Result before, RulesFile.Result after) {
    switch (after) {
      case RulesFile.Loaded loaded -> {
        String was = switch (before) {
          case null -> "nothing: first read";
          case RulesFile.Loaded old -> old.revision();
          case RulesFile.Invalid broken -> "an unusable file, revision " + broken.revision();
        };
        if (!was.equals(loaded.revision())) {
          log.info("Policy rules {} now at revision {} (was {})",
              file.path(), loaded.revision(), was);
        }
      }
      case RulesFile.Invalid invalid -> {
        if (!invalid.equals(before)) {
          log.error("Policy rules cannot be used, every decision is Undecidable until fixed: {}",
              invalid.problem());
        }
      }
    }
  }
}
