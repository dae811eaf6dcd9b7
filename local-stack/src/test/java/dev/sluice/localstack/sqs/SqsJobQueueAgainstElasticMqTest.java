package dev.sluice.localstack.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.queue.adapter.aws.SqsJobQueue;
import dev.sluice.queue.adapter.aws.SqsQueueDepth;
import dev.sluice.queue.adapter.aws.SqsSetupException;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SQS adapter's own duties beyond the contract, against ElasticMQ: the boot check, depth, attributes. */
@ExtendWith(StackExtension.class)
class SqsJobQueueAgainstElasticMqTest {
  private final EmbeddedStack stack;

  SqsJobQueueAgainstElasticMqTest(EmbeddedStack stack) {
    this.stack = stack;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<ReceivedMessage> receive(SqsJobQueue sqs, QueueRef q) {
    var r = sqs.receive(q, 10, Duration.ZERO, Duration.ofMinutes(5));
    assertThat(r).isInstanceOf(Result.Ok.class);
    return ((Result.Ok<List<ReceivedMessage>>) r).value();
  }

  @Test
  void bootCheckReportsEachQueuesTimeoutRedriveAndDeadLetterQueue() {
    String name = unique("facts");
    var pair = stack.createQueueWithDlq(name, 4, Duration.ofSeconds(45));
    var sqs = SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(pair.url(), pair.url()));
    QueueRef main = sqs.ref(pair.url());
    assertThat(main.label()).isEqualTo(name);
    assertThat(sqs.facts()).containsOnlyKeys(main);
    var facts = sqs.facts().get(main);
    assertThat(facts.visibilityTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(facts.maxReceiveCount()).isEqualTo(4);
    assertThat(facts.arn()).endsWith(":" + name);
    assertThat(facts.deadLetterQueue()).isEqualTo(new QueueRef(pair.deadLetterUrl(), name + "-dlq"));
    assertThat(sqs.ref(pair.deadLetterUrl())).isEqualTo(facts.deadLetterQueue());
  }

  @Test
  void bootCheckNamesAMissingQueue() {
    String url = stack.sqsEndpoint() + "/000000000000/" + unique("missing");
    assertThatThrownBy(() -> SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(url)))
        .isInstanceOf(SqsSetupException.class)
        .hasMessageStartingWith("queue " + url + " does not exist (QueueDoesNotExist")
        .hasMessageContaining("create it or fix SLUICE_QUEUES");
  }

  @Test
  void bootCheckRefusesAQueueWithoutRedrivePolicy() {
    String url = stack.sqs().createQueue(b -> b.queueName(unique("no-redrive"))).queueUrl();
    assertThatThrownBy(() -> SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(url)))
        .isInstanceOf(SqsSetupException.class)
        .hasMessageStartingWith("queue " + url + " has no redrive policy")
        .hasMessageContaining("RedrivePolicy");
  }

  @Test
  void bootCheckNamesADeadLetterQueueThatIsGone() {
    String name = unique("orphan");
    var pair = stack.createQueueWithDlq(name, 3, Duration.ofSeconds(30));
    stack.sqs().deleteQueue(b -> b.queueUrl(pair.deadLetterUrl()));
    assertThatThrownBy(() -> SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(pair.url())))
        .isInstanceOf(SqsSetupException.class)
        .hasMessageContaining("dead-letter queue arn:aws:sqs:us-east-1:000000000000:" + name + "-dlq")
        .hasMessageContaining("does not exist")
        .hasMessageContaining("fix the redrive policy of " + pair.url());
  }

  @Test
  void traceContextAndReceiveCountArriveOnTheMessage() {
    var pair = stack.createQueueWithDlq(unique("trace"), 5, Duration.ofSeconds(30));
    var sqs = SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(pair.url()));
    QueueRef q = sqs.ref(pair.url());
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    assertThat(sqs.enqueue(q, "{\"job\":1}", Map.of("traceparent", traceparent, "tracestate", "rojo=00f067aa0ba902b7",
        "baggage", ""))).isInstanceOf(Result.Ok.class);

    Instant before = Instant.now();
    var first = receive(sqs, q).get(0);
    assertThat(first.attributes()).containsOnly(Map.entry("traceparent", traceparent),
        Map.entry("tracestate", "rojo=00f067aa0ba902b7"));
    assertThat(first.receiveCount()).isEqualTo(1);
    assertThat(first.receivedAt()).isBetween(before, Instant.now());
    assertThat(first.body()).isEqualTo("{\"job\":1}");

    assertThat(sqs.release(q, List.of(first.receiptHandle())).succeeded()).containsExactly(first.receiptHandle());
    assertThat(receive(sqs, q)).singleElement().extracting(ReceivedMessage::receiveCount).isEqualTo(2);
  }

  @Test
  void depthCountsVisibleAndInFlightMessages() {
    var pair = stack.createQueueWithDlq(unique("depth"), 5, Duration.ofSeconds(30));
    var sqs = SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(pair.url()));
    QueueRef q = sqs.ref(pair.url());
    for (int i = 0; i < 3; i++) {
      sqs.enqueue(q, "d-" + i, Map.of());
    }
    assertThat(sqs.receive(q, 1, Duration.ZERO, Duration.ofMinutes(5))).isInstanceOf(Result.Ok.class);
    assertThat(sqs.depth(q)).isEqualTo(Result.ok(new SqsQueueDepth(2, 1)));
  }

  @Test
  void operationsOnAQueueThatDoesNotExistAnswerNotFound() {
    var pair = stack.createQueueWithDlq(unique("gone"), 5, Duration.ofSeconds(30));
    var sqs = SqsJobQueue.connect(stack.sqs(), new SystemTime(), List.of(pair.url()));
    QueueRef q = sqs.ref(pair.url());
    stack.sqs().deleteQueue(b -> b.queueUrl(pair.url()));
    assertThat(sqs.receive(q, 10, Duration.ZERO, Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.NOT_FOUND));
    assertThat(sqs.enqueue(q, "x", Map.of()))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.NOT_FOUND));
    var handle = new dev.sluice.queue.port.ReceiptHandle("whatever");
    assertThat(sqs.ack(q, List.of(handle)).failed().get(handle).kind()).isEqualTo(FaultKind.NOT_FOUND);
  }
}
