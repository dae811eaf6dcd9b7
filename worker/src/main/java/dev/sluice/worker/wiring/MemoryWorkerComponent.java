package dev.sluice.worker.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.policy.PolicySource;
import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.adapter.memory.ManualTime;
import dev.sluice.worker.app.JobPipeline;
import dev.sluice.worker.app.LoopFactory;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.app.WorkerSettings;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.worker.port.Transcoder;
import javax.inject.Singleton;

/**
 * A whole worker on in-memory adapters and a manual clock: the same pipeline and loops as
 * production, wired by Dagger, for tests of the wiring itself.
 */
@Singleton
@Component(modules = {PipelineModule.class, MemoryAdaptersModule.class})
public interface MemoryWorkerComponent {

  WorkerProcess process();

  LoopFactory loops();

  JobPipeline pipeline();

  @Component.Builder
  interface Builder {
    @BindsInstance Builder settings(WorkerSettings settings);

    @BindsInstance Builder queue(InMemoryJobQueue queue);

    @BindsInstance Builder store(InMemoryObjectStore store);

    @BindsInstance Builder time(ManualTime time);

    @BindsInstance Builder policy(PolicySource policy);

    @BindsInstance Builder catalogue(PresetCatalogue catalogue);

    @BindsInstance Builder transcoder(Transcoder transcoder);

    @BindsInstance Builder mediaProbe(MediaProbe probe);

    @BindsInstance Builder telemetry(JobTelemetry telemetry);

    MemoryWorkerComponent build();
  }
}
