package dev.sluice.enqueuer.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.sluice.enqueuer.adapter.http.EnqueuerServer;
import dev.sluice.enqueuer.adapter.http.JobsEndpoint;
import dev.sluice.enqueuer.app.EnqueueService;
import dev.sluice.enqueuer.port.EnqueueTelemetry;
import dev.sluice.enqueuer.port.Reachability;
import io.opentelemetry.api.OpenTelemetry;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The production enqueuer: the admission service and its HTTP API on SQS and S3. The SDK clients
 * and the OpenTelemetry instance are handed in, so tests and the CLI point them anywhere.
 */
@Singleton
@Component(modules = {EnqueuerModule.class, AwsAdaptersModule.class})
public interface AwsEnqueuerComponent {

  EnqueuerServer server();

  EnqueueService service();

  JobsEndpoint jobs();

  EnqueueTelemetry telemetry();

  Reachability reachability();

  @Component.Builder
  interface Builder {
    @BindsInstance Builder config(EnqueuerConfig config);

    @BindsInstance Builder sqs(SqsClient sqs);

    @BindsInstance Builder s3(S3Client s3);

    @BindsInstance Builder openTelemetry(OpenTelemetry openTelemetry);

    AwsEnqueuerComponent build();
  }
}
