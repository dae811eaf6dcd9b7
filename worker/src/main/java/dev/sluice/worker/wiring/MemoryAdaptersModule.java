package dev.sluice.worker.wiring;

import dagger.Binds;
import dagger.Module;
import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.adapter.memory.ManualTime;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Sleeper;
import dev.sluice.queue.port.SourceStore;

/** Binds the queue and store ports to the in-memory adapters, and time to a manual clock. */
@Module
public interface MemoryAdaptersModule {

  @Binds
  JobQueue queue(InMemoryJobQueue queue);

  @Binds
  SourceStore sources(InMemoryObjectStore store);

  @Binds
  Publisher publisher(InMemoryObjectStore store);

  @Binds
  Clock clock(ManualTime time);

  @Binds
  Sleeper sleeper(ManualTime time);

  @dagger.Provides
  static dev.sluice.worker.app.AssetRedaction redaction() {
    return new dev.sluice.worker.app.AssetRedaction(false);
  }

  @dagger.Provides
  static dev.sluice.worker.app.ReceiveGate gate() {
    return dev.sluice.worker.app.ReceiveGate.alwaysOpen();
  }
}
