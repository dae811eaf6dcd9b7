package dev.sluice.worker.wiring;

import dagger.Module;
import dagger.Provides;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.policy.PolicySource;
import dev.sluice.policy.ReloadingPolicy;
import dev.sluice.queue.adapter.aws.S3Publisher;
import dev.sluice.queue.adapter.aws.S3SourceStore;
import dev.sluice.queue.adapter.aws.SqsJobQueue;
import dev.sluice.queue.adapter.resilient.DependencyGuard;
import dev.sluice.queue.adapter.resilient.GuardedJobQueue;
import dev.sluice.queue.adapter.resilient.GuardedPublisher;
import dev.sluice.queue.adapter.resilient.GuardedSourceStore;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Sleeper;
import dev.sluice.queue.port.SourceStore;
import dev.sluice.worker.app.ReceiveGate;
import dev.sluice.worker.app.WorkerSettings;
import java.time.Duration;
import java.time.InstantSource;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Binds the ports to the AWS adapters, each behind its Resilience4j guard (retry, breaker,
 * bulkhead per dependency). Building the queue adapter is the boot check: a missing
 * queue, rejected credentials or an unreachable endpoint stops the worker here with a clear message.
 */
@Module
public final class AwsAdaptersModule {
  private static final long PART_SIZE = 16L * 1024 * 1024;

  private AwsAdaptersModule() {}

  @Provides
  @Singleton
  static SystemTime systemTime() {
    return new SystemTime();
  }

  @Provides
  static Clock clock(SystemTime time) {
    return time;
  }

  @Provides
  static Sleeper sleeper(SystemTime time) {
    return time;
  }

  @Provides
  static WorkerSettings settings(WorkerConfig config) {
    return config.settings();
  }

  @Provides
  @Singleton
  static Guards guards(WorkerConfig config) {
    return new Guards(new DependencyGuard("sqs", config.guard()),
        new DependencyGuard("s3-source", config.guard()), new DependencyGuard("s3-output", config.guard()));
  }

  /** The connect call is the boot check and runs unguarded, so it fails fast and clearly. */
  @Provides
  @Singleton
  static SqsJobQueue sqsQueue(SqsClient sqs, Clock clock, WorkerConfig config) {
    return SqsJobQueue.connect(sqs, clock, config.queueUrls());
  }

  @Provides
  @Singleton
  static JobQueue queue(SqsJobQueue sqs, Guards guards) {
    return new GuardedJobQueue(sqs, guards.sqs());
  }

  @Provides
  static dev.sluice.worker.app.AssetRedaction redaction(WorkerConfig config) {
    return new dev.sluice.worker.app.AssetRedaction(config.redactAssetIds());
  }

  @Provides
  @Singleton
  static SourceStore sources(S3Client s3, Guards guards) {
    return new GuardedSourceStore(new S3SourceStore(s3), guards.s3Source());
  }

  @Provides
  @Singleton
  static Publisher publisher(S3Client s3, WorkerConfig config, Guards guards) {
    // The threshold is validated to be at least S3's 5 MiB minimum part size.
    return new GuardedPublisher(
        new S3Publisher(s3, config.multipartThreshold(), Math.min(PART_SIZE, config.multipartThreshold())),
        guards.s3Output());
  }

  /** Every job needs S3: while either S3 breaker is open the loops stop receiving. */
  @Provides
  @Singleton
  static ReceiveGate gate(Guards guards) {
    return () -> java.util.stream.Stream.of(guards.s3Source(), guards.s3Output())
        .filter(g -> !g.admitting())
        .findFirst()
        .map(g -> "the " + g.name() + " circuit breaker is open; receiving resumes when it half-opens");
  }

  @Provides
  @Singleton
  static PolicySource policy(WorkerConfig config) {
    return new ReloadingPolicy(config.policyFile(), InstantSource.system(), Duration.ofSeconds(2));
  }

  @Provides
  @Singleton
  static PresetCatalogue catalogue() {
    return BundledCatalogue.load();
  }
}
