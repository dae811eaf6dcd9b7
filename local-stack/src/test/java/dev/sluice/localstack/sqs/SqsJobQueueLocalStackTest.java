package dev.sluice.localstack.sqs;

import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.queue.adapter.aws.SqsJobQueue;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.queue.port.JobQueueContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue contract against LocalStack's SQS in Docker: a second independent implementation of
 * the wire protocol. Skipped, with that reason, where no Docker engine is reachable (as on the
 * build machines here); runs unchanged wherever one is. The image is pinned so runs compare.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqsJobQueueLocalStackTest extends JobQueueContract {
  @Container
  private static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("sqs");

  private SqsClient sqs;

  @AfterEach
  void closeClient() {
    if (sqs != null) {
      sqs.close();
    }
  }

  @Override
  protected void newQueues(String name, int maxReceiveCount) {
    // LocalStack takes any credentials, and its default region is the local one's (us-east-1).
    sqs = AwsClients.local(LOCALSTACK.getEndpoint()).sqs();
    String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    String url = sqs.createQueue(b -> b.queueName(name)
        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    SqsJobQueue adapter = SqsJobQueue.connect(sqs, new SystemTime(), List.of(url));
    main = adapter.ref(url);
    dlq = adapter.ref(dlqUrl);
    queue = adapter;
  }

  @Override
  protected void pass(Duration d) throws InterruptedException {
    Thread.sleep(d);
  }
}
