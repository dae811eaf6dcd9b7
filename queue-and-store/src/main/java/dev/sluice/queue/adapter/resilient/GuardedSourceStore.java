package dev.sluice.queue.adapter.resilient;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.io.InputStream;
import java.util.Optional;

/**
 * A {@link SourceStore} guarded per call. Only opening a stream is retried; a read that breaks
 * half-way surfaces to the fetch stage, which retries the whole job, because restarting a hashed
 * stream mid-way is not a single-call concern.
 */
public final class GuardedSourceStore implements SourceStore {
  private final SourceStore delegate;
  private final DependencyGuard guard;

  public GuardedSourceStore(SourceStore delegate, DependencyGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public Result<Optional<ObjectInfo>> head(ObjectRef object) {
    return guard.call("HeadObject", () -> delegate.head(object));
  }

  @Override
  public Result<InputStream> open(ObjectRef object) {
    return guard.call("GetObject", () -> delegate.open(object));
  }
}
