package dev.sluice.queue.adapter.resilient;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.port.Artifact;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.PublishOutcome;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Result;
import java.util.Optional;

/**
 * A {@link Publisher} guarded per call. Retrying a publish is safe because every write is
 * conditional: a retry after a write that did land answers ALREADY_PRESENT.
 */
public final class GuardedPublisher implements Publisher {
  private final Publisher delegate;
  private final DependencyGuard guard;

  public GuardedPublisher(Publisher delegate, DependencyGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  @Override
  public Result<Optional<ObjectInfo>> probe(ObjectRef key) {
    return guard.call("HeadObject", () -> delegate.probe(key));
  }

  @Override
  public Result<PublishOutcome> publish(Artifact artifact) {
    return guard.call("PutObject", () -> delegate.publish(artifact));
  }
}
