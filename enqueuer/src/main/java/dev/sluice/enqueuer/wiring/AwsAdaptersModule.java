package dev.sluice.enqueuer.wiring;

import dagger.Module;
import dagger.Provides;
import dev.sluice.enqueuer.adapter.aws.AwsReachability;
import dev.sluice.enqueuer.adapter.aws.S3DedupMarkers;
import dev.sluice.enqueuer.adapter.aws.SqsBatchSender;
import dev.sluice.enqueuer.app.QueueRoutes;
import dev.sluice.enqueuer.port.DedupMarkers;
import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.port.Reachability;
import dev.sluice.policy.ReloadingPolicy;
import dev.sluice.policy.RulesFile;
import dev.sluice.queue.adapter.aws.S3SourceStore;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.SourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Binds the enqueuer's ports to SQS and S3. */
@Module
public final class AwsAdaptersModule {
  private AwsAdaptersModule() {}

  @Provides
  static Clock clock() {
    return new SystemTime();
  }

  @Provides
  @Singleton
  static JobSender sender(SqsClient sqs) {
    return new SqsBatchSender(sqs);
  }

  @Provides
  @Singleton
  static DedupMarkers markers(S3Client s3, EnqueuerConfig config) {
    return new S3DedupMarkers(s3, config.dedup().location());
  }

  @Provides
  @Singleton
  static SourceStore sources(S3Client s3) {
    return new S3SourceStore(s3);
  }

  /**
   * Ready when the rules file is usable and every queue, every source bucket the rules allow and
   * the dedup bucket answer. The bucket set follows the rules as they are reloaded.
   */
  @Provides
  @Singleton
  static Reachability reachability(SqsClient sqs, S3Client s3, QueueRoutes queues,
      ReloadingPolicy policy, EnqueuerConfig config) {
    AwsReachability aws = new AwsReachability(sqs, s3, queues.all(), () -> {
      Set<String> buckets = new TreeSet<>(List.of(config.dedup().bucket()));
      if (policy.lastRead() instanceof RulesFile.Loaded loaded) {
        loaded.rules().allow().sources().forEach(prefix -> buckets.add(prefix.bucket()));
      }
      return buckets;
    });
    return () -> {
      List<String> problems = new ArrayList<>();
      if (policy.lastRead() instanceof RulesFile.Invalid invalid) {
        problems.add("policy: " + invalid.problem());
      }
      problems.addAll(aws.problems());
      return problems;
    };
  }
}
