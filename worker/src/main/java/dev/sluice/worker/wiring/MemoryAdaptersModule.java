package dev.sluice.worker.wiring;

import dagger.Binds;
import dagger.Module;
import dev.sluice.worker.adapter.memory.InMemoryJobQueue;
import dev.sluice.worker.adapter.memory.InMemoryObjectStore;
import dev.sluice.worker.adapter.memory.ManualTime;
import dev.sluice.worker.port.Clock;
import dev.sluice.worker.port.JobQueue;
import dev.sluice.worker.port.Publisher;
import dev.sluice.worker.port.Sleeper;
import dev.sluice.worker.port.SourceStore;

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
}
