package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The adapter pointed at a closed port on 127.0.0.1: every operation answers with an UNREACHABLE
 * fault (batches fail every entry) instead of throwing, and the boot check names the endpoint.
 */
class SqsUnreachableEndpointTest {
  private URI endpoint;
  private SqsClient sqs;
  private SqsJobQueue adapter;
  private QueueRef queue;

  @BeforeEach
  void closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      endpoint = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    sqs = AwsClients.local(endpoint).sqs();
    queue = new QueueRef(endpoint + "/000000000000/work", "work");
    var facts = new SqsQueueFacts(queue, "arn:aws:sqs:us-east-1:000000000000:work", Duration.ofSeconds(30),
        new QueueRef(endpoint + "/000000000000/work-dlq", "work-dlq"), 5);
    adapter = new SqsJobQueue(sqs, new SystemTime(), List.of(facts));
  }

  @AfterEach
  void close() {
    sqs.close();
  }

  @Test
  void receiveAndSendAnswerUnreachableInsteadOfThrowing() {
    var received = adapter.receive(queue, 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(received).isInstanceOfSatisfying(Result.Err.class, e -> {
      assertThat(e.fault().kind()).isEqualTo(FaultKind.UNREACHABLE);
      assertThat(e.fault().detail()).startsWith("ReceiveMessage failed").contains("Connection refused");
    });
    assertThat(adapter.enqueue(queue, "{}", Map.of("traceparent", "tp")))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.UNREACHABLE));
    var letter = new DeadLetter("{}", "POISON", "cannot parse", 1, Optional.empty(), Optional.empty(),
        Optional.empty());
    assertThat(adapter.deadLetter(queue, letter))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.UNREACHABLE));
    assertThat(adapter.depth(queue))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.UNREACHABLE));
  }

  @Test
  void batchesFailEveryEntryAcrossChunks() {
    List<ReceiptHandle> handles = IntStream.range(0, 12).mapToObj(i -> new ReceiptHandle("h-" + i)).toList();
    var acked = adapter.ack(queue, handles);
    assertThat(acked.succeeded()).isEmpty();
    assertThat(acked.failed()).containsOnlyKeys(handles);
    assertThat(acked.failed().values()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(FaultKind.UNREACHABLE));

    var extend = new LinkedHashMap<ReceiptHandle, Duration>();
    handles.forEach(h -> extend.put(h, Duration.ofMinutes(1)));
    var extended = adapter.extendVisibility(queue, extend);
    assertThat(extended.succeeded()).isEmpty();
    assertThat(extended.failed()).containsOnlyKeys(handles);
    assertThat(adapter.release(queue, handles).failed()).hasSize(12);
  }

  @Test
  void bootCheckNamesTheEndpointItCannotReach() {
    assertThatThrownBy(() -> SqsJobQueue.connect(sqs, new SystemTime(), List.of(queue.id())))
        .isInstanceOf(SqsSetupException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot reach SQS at " + endpoint)
        .hasMessageContaining(queue.id())
        .hasMessageContaining("Connection refused")
        .hasMessageNotContaining("sluice-local"); // the local secret key
  }

  @Test
  void bootCheckRefusesNoQueuesAndFifoQueuesBeforeAnyCall() {
    assertThatThrownBy(() -> SqsJobQueue.connect(sqs, new SystemTime(), List.of()))
        .isInstanceOf(SqsSetupException.class).hasMessageContaining("SLUICE_QUEUES");
    assertThatThrownBy(() -> SqsJobQueue.connect(sqs, new SystemTime(), List.of(queue.id() + ".fifo")))
        .isInstanceOf(SqsSetupException.class).hasMessageContaining("FIFO").hasMessageContaining(queue.id());
  }

  @Test
  void deadLetterForAQueueTheBootCheckNeverSawIsNotFound() {
    var letter = new DeadLetter("{}", "POISON", "cannot parse", 1, Optional.empty(), Optional.empty(),
        Optional.empty());
    assertThat(adapter.deadLetter(QueueRef.of(endpoint + "/000000000000/other"), letter))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.NOT_FOUND));
  }

  @Test
  void knowsItsQueuesAndTheirDeadLetterQueues() {
    assertThat(adapter.ref(queue.id())).isSameAs(queue);
    assertThat(adapter.ref(endpoint + "/000000000000/work-dlq").label()).isEqualTo("work-dlq");
    assertThat(adapter.ref(endpoint + "/000000000000/stranger").label()).isEqualTo("stranger");
    assertThat(adapter.facts()).containsOnlyKeys(queue);
    assertThat(adapter.facts().get(queue).maxReceiveCount()).isEqualTo(5);
  }
}
