package dev.sluice.worker.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.sluice.policy.PolicySource;
import dev.sluice.queue.port.JobQueue;
import dev.sluice.worker.app.WorkerProcess;
import dev.sluice.worker.port.JobTelemetry;
import dev.sluice.worker.port.MediaProbe;
import dev.sluice.worker.port.Transcoder;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The production worker: the shared pipeline on SQS and S3. */
@Singleton
@Component(modules = {PipelineModule.class, AwsAdaptersModule.class})
public interface AwsWorkerComponent {

  WorkerProcess process();

  JobQueue queue();

  PolicySource policy();

  Guards guards();

  dev.sluice.queue.adapter.aws.SqsJobQueue sqsQueue();

  @Component.Builder
  interface Builder {
    @BindsInstance Builder config(WorkerConfig config);

    @BindsInstance Builder sqs(SqsClient sqs);

    @BindsInstance Builder s3(S3Client s3);

    @BindsInstance Builder transcoder(Transcoder transcoder);

    @BindsInstance Builder mediaProbe(MediaProbe probe);

    @BindsInstance Builder telemetry(JobTelemetry telemetry);

    AwsWorkerComponent build();
  }
}
