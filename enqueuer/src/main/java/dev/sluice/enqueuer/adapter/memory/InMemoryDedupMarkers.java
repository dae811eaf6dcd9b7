package dev.sluice.enqueuer.adapter.memory;

import dev.sluice.enqueuer.domain.DedupKey;
import dev.sluice.enqueuer.domain.DedupMarker;
import dev.sluice.enqueuer.port.DedupMarkers;
import dev.sluice.enqueuer.port.MarkerWrite;
import dev.sluice.enqueuer.port.StoredMarker;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.Result;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The S3 marker store in memory: create only where nothing is, replace only the version that was
 * read, each write a new version (as S3 gives a new ETag). Faults can be injected so tests can
 * make the store fail the way a network does.
 */
public final class InMemoryDedupMarkers implements DedupMarkers {
  private final Map<DedupKey, StoredMarker> markers = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong();
  private final Deque<Fault> faults = new ArrayDeque<>();

  @Override
  public Result<Optional<StoredMarker>> read(DedupKey key) {
    Optional<Fault> fault = nextFault();
    return fault.isPresent() ? Result.err(fault.get()) : Result.ok(Optional.ofNullable(markers.get(key)));
  }

  @Override
  public Result<MarkerWrite> create(DedupKey key, DedupMarker marker) {
    Optional<Fault> fault = nextFault();
    if (fault.isPresent()) {
      return Result.err(fault.get());
    }
    return Result.ok(markers.putIfAbsent(key, stored(marker)) == null
        ? MarkerWrite.WRITTEN : MarkerWrite.CONFLICT);
  }

  @Override
  public Result<MarkerWrite> replace(DedupKey key, DedupMarker marker, String version) {
    Optional<Fault> fault = nextFault();
    if (fault.isPresent()) {
      return Result.err(fault.get());
    }
    StoredMarker[] replaced = new StoredMarker[1];
    markers.computeIfPresent(key, (k, current) -> {
      if (!current.version().equals(version)) {
        return current;
      }
      replaced[0] = stored(marker);
      return replaced[0];
    });
    return Result.ok(replaced[0] != null ? MarkerWrite.WRITTEN : MarkerWrite.CONFLICT);
  }

  /** The marker stored for {@code key}, for assertions. */
  public Optional<DedupMarker> marker(DedupKey key) {
    return Optional.ofNullable(markers.get(key)).map(StoredMarker::marker);
  }

  public int size() {
    return markers.size();
  }

  /** The next {@code times} calls of any operation fail with {@code fault}. */
  public synchronized void failNext(Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(fault);
    }
  }

  private synchronized Optional<Fault> nextFault() {
    return Optional.ofNullable(faults.poll());
  }

  private StoredMarker stored(DedupMarker marker) {
    return new StoredMarker(marker, "\"v" + versions.incrementAndGet() + "\"");
  }
}
