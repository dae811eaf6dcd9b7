package dev.sluice.worker.wiring;

import dagger.Module;
import dagger.Provides;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.policy.PolicySource;
import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.app.FetchVerifyStage;
import dev.sluice.worker.app.JobPipeline;
import dev.sluice.worker.app.JobPolicy;
import dev.sluice.worker.app.LoopFactory;
import dev.sluice.worker.app.PresetResolver;
import dev.sluice.worker.app.ProbeStage;
import dev.sluice.worker.app.PublishStage;
import dev.sluice.worker.app.ReceiveGate;
import dev.sluice.worker.app.ReevaluateStage;
import dev.sluice.worker.app.TranscodeStage;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.app.WorkerSettings;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Sleeper;
import dev.sluice.queue.port.SourceStore;
import dev.sluice.worker.port.Transcoder;
import javax.inject.Singleton;

/**
 * Builds the pipeline and the loops from whatever adapters a component binds to the ports. Every
 * deployable (in-memory, AWS) shares this module and differs only in its adapter module.
 */
@Module
public final class PipelineModule {
  private PipelineModule() {}

  @Provides
  @Singleton
  static JobPolicy jobPolicy(PolicySource policy) {
    return new JobPolicy(policy);
  }

  @Provides
  @Singleton
  static JobPipeline pipeline(WorkerSettings settings, PresetCatalogue catalogue, JobPolicy policy,
      SourceStore sources, Publisher publisher, MediaProbe probe, Transcoder transcoder) {
    return new JobPipeline(new JobCodec(),
        new PresetResolver(catalogue, settings.resourceClass()),
        new ProbeStage(publisher),
        new ReevaluateStage(sources, policy),
        new FetchVerifyStage(sources),
        new TranscodeStage(probe, transcoder, policy),
        new PublishStage(publisher, policy),
        settings.workDir());
  }

  @Provides
  @Singleton
  static LoopFactory loops(WorkerSettings settings, JobQueue queue, JobPipeline pipeline,
      JobTelemetry telemetry, Clock clock, Sleeper sleeper, ReceiveGate gate, AssetRedaction redaction) {
    return new LoopFactory(settings, queue, pipeline, telemetry, clock, sleeper, gate, redaction);
  }

  @Provides
  @Singleton
  static WorkerProcess process(LoopFactory loops, WorkerSettings settings, Sleeper sleeper, Clock clock,
      ReceiveGate gate) {
    return new WorkerProcess(loops, settings, sleeper, clock, gate);
  }
}
