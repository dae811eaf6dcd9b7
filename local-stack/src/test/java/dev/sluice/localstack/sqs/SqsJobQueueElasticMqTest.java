package dev.sluice.localstack.sqs;

import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.queue.adapter.aws.SqsJobQueue;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.queue.port.JobQueueContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue contract against ElasticMQ in this JVM: the SQS adapter over the real wire protocol,
 * with fresh queues per test and real waiting. The stack comes in through the constructor because
 * the contract's {@code @BeforeEach} runs before any of this class's.
 */
@ExtendWith(StackExtension.class)
class SqsJobQueueElasticMqTest extends JobQueueContract {
  private final EmbeddedStack stack;

  SqsJobQueueElasticMqTest(EmbeddedStack stack) {
    this.stack = stack;
  }

  @Override
  protected void newQueues(String name, int maxReceiveCount) {
    var pair = stack.createQueueWithDlq(name, maxReceiveCount, Duration.ofSeconds(30));
    SqsJobQueue sqs = SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(pair.url()));
    main = sqs.ref(pair.url());
    dlq = sqs.ref(pair.deadLetterUrl());
    queue = sqs;
  }

  @Override
  protected void pass(Duration d) throws InterruptedException {
    Thread.sleep(d);
  }
}
