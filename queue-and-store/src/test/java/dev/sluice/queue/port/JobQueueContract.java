package dev.sluice.queue.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} adapter must do, written once and run against each: the in-memory
 * model here, the SQS adapter against ElasticMQ and LocalStack. Time-dependent checks go through
 * {@link #pass(Duration)} so the in-memory run moves a manual clock and a real run really waits.
 */
public abstract class JobQueueContract {
  protected static final Duration SHORT = Duration.ofSeconds(2);

  protected JobQueue queue;
  protected QueueRef main;
  protected QueueRef dlq;

  /** A fresh adapter with a new main queue whose DLQ redrives after {@code maxReceiveCount}. */
  protected abstract void newQueues(String name, int maxReceiveCount);

  /** Lets {@code d} pass (a manual clock advances; a real server is waited for). */
  protected abstract void pass(Duration d) throws InterruptedException;

  @BeforeEach
  void create() {
    newQueues("contract-" + UUID.randomUUID().toString().substring(0, 8), 3);
  }

  protected List<ReceivedMessage> receive(QueueRef q, Duration visibility) {
    var r = queue.receive(q, 10, Duration.ZERO, visibility);
    assertThat(r).isInstanceOf(Result.Ok.class);
    return ((Result.Ok<List<ReceivedMessage>>) r).value();
  }

  @Test
  void batchOfTenRoundTripsWithAttributes() {
    for (int i = 0; i < 10; i++) {
      assertThat(queue.enqueue(main, "body-" + i, Map.of("traceparent", "tp-" + i)))
          .isInstanceOf(Result.Ok.class);
    }
    Map<String, String> got = new HashMap<>();
    for (int round = 0; round < 5 && got.size() < 10; round++) {
      receive(main, Duration.ofMinutes(5)).forEach(m -> got.put(m.body(), m.attributes().get("traceparent")));
    }
    assertThat(got).hasSize(10).containsEntry("body-3", "tp-3").containsEntry("body-9", "tp-9");
  }

  @Test
  void unackedMessageIsRedeliveredWithAGrowingReceiveCount() throws Exception {
    queue.enqueue(main, "again", Map.of());
    var first = receive(main, Duration.ofSeconds(1));
    assertThat(first).singleElement().extracting(ReceivedMessage::receiveCount).isEqualTo(1);
    assertThat(receive(main, Duration.ofSeconds(1))).isEmpty();
    pass(SHORT);
    var second = receive(main, Duration.ofSeconds(1));
    assertThat(second).singleElement().extracting(ReceivedMessage::receiveCount).isEqualTo(2);
  }

  @Test
  void ackDeletes() throws Exception {
    queue.enqueue(main, "done", Map.of());
    var m = receive(main, Duration.ofSeconds(1)).get(0);
    assertThat(queue.ack(main, List.of(m.receiptHandle())).succeeded()).contains(m.receiptHandle());
    pass(SHORT);
    assertThat(receive(main, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void extendVisibilityHoldsAMessagePastItsOriginalWindow() throws Exception {
    queue.enqueue(main, "held", Map.of());
    var m = receive(main, Duration.ofSeconds(1)).get(0);
    var r = queue.extendVisibility(main, Map.of(m.receiptHandle(), Duration.ofSeconds(30)));
    assertThat(r.succeeded()).contains(m.receiptHandle());
    pass(SHORT);
    assertThat(receive(main, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void releaseMakesAMessageVisibleAtOnce() {
    queue.enqueue(main, "released", Map.of());
    var m = receive(main, Duration.ofMinutes(5)).get(0);
    assertThat(queue.release(main, List.of(m.receiptHandle())).succeeded()).contains(m.receiptHandle());
    assertThat(receive(main, Duration.ofMinutes(5))).extracting(ReceivedMessage::body).containsExactly("released");
  }

  @Test
  void redrivePolicyMovesAMessageToTheDlqAfterMaxReceiveCount() throws Exception {
    queue.enqueue(main, "poison", Map.of());
    for (int i = 0; i < 3; i++) {
      assertThat(receive(main, Duration.ofSeconds(1))).hasSize(1);
      pass(SHORT);
    }
    assertThat(receive(main, Duration.ofSeconds(1))).isEmpty();
    assertThat(receive(dlq, Duration.ofMinutes(1))).extracting(ReceivedMessage::body).containsExactly("poison");
  }

  @Test
  void deadLetterKeepsBodyAndReasonAttributes() {
    var letter = new DeadLetter("{raw body}", "TAMPERED", "digest mismatch", 2,
        Optional.of("a".repeat(32)), Optional.of("b".repeat(32)), Optional.of("job-1"));
    assertThat(queue.deadLetter(main, letter)).isInstanceOf(Result.Ok.class);
    var got = receive(dlq, Duration.ofMinutes(1));
    assertThat(got).singleElement().satisfies(m -> {
      assertThat(m.body()).isEqualTo("{raw body}");
      assertThat(m.attributes())
          .containsEntry(DeadLetter.ATTR_CAUSE, "TAMPERED")
          .containsEntry(DeadLetter.ATTR_REASON, "digest mismatch")
          .containsEntry(DeadLetter.ATTR_ATTEMPTS, "2")
          .containsEntry(DeadLetter.ATTR_TRACE_ID, "a".repeat(32))
          .containsEntry(DeadLetter.ATTR_PRODUCER_TRACE_ID, "b".repeat(32))
          .containsEntry(DeadLetter.ATTR_JOB_ID, "job-1");
    });
  }

  @Test
  void staleHandleCannotExtendAfterAnotherReceive() throws Exception {
    queue.enqueue(main, "moved on", Map.of());
    var first = receive(main, Duration.ofSeconds(1)).get(0);
    pass(SHORT);
    var second = receive(main, Duration.ofMinutes(5)).get(0);
    var r = queue.extendVisibility(main, Map.of(first.receiptHandle(), Duration.ofSeconds(30)));
    assertThat(r.failed()).containsKey(first.receiptHandle());
    assertThat(second.receiveCount()).isEqualTo(2);
  }

  @Test
  void traceContextAttributesSurviveTheRoundTrip() {
    queue.enqueue(main, "traced", Map.of(ReceivedMessage.TRACEPARENT,
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", ReceivedMessage.TRACESTATE, "vendor=x"));
    var got = receive(main, Duration.ofMinutes(5));
    assertThat(got).singleElement().satisfies(m -> {
      assertThat(m.attribute(ReceivedMessage.TRACEPARENT))
          .contains("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
      assertThat(m.attribute(ReceivedMessage.TRACESTATE)).contains("vendor=x");
      assertThat(m.receiveCount()).isEqualTo(1);
      assertThat(m.queue()).isEqualTo(main);
    });
  }

  @Test
  void receiveNeverReturnsMoreThanMax() {
    for (int i = 0; i < 5; i++) {
      queue.enqueue(main, "m-" + i, Map.of());
    }
    var r = queue.receive(main, 2, Duration.ZERO, Duration.ofMinutes(5));
    assertThat(r).isInstanceOf(Result.Ok.class);
    assertThat(((Result.Ok<List<ReceivedMessage>>) r).value()).hasSizeBetween(1, 2);
  }

  @Test
  void ackAnswersPerEntryWhenOneHandleInTheBatchIsForged() {
    queue.enqueue(main, "first", Map.of());
    queue.enqueue(main, "second", Map.of());
    List<ReceivedMessage> got = new ArrayList<>();
    for (int round = 0; round < 5 && got.size() < 2; round++) {
      got.addAll(receive(main, Duration.ofMinutes(5)));
    }
    assertThat(got).hasSize(2);
    var real = got.get(0).receiptHandle();
    var forged = new ReceiptHandle(got.get(1).messageId() + ":forged");

    var r = queue.ack(main, List.of(real, forged));

    assertThat(r.succeeded()).containsExactly(real);
    assertThat(r.failed()).containsOnlyKeys(forged);
    assertThat(r.failed().get(forged).kind()).isEqualTo(FaultKind.LEASE_LOST);
    // The forged entry deleted nothing: the second message still answers to its own handle.
    assertThat(queue.ack(main, List.of(got.get(1).receiptHandle())).succeeded())
        .containsExactly(got.get(1).receiptHandle());
  }

  @Test
  void batchesOfMoreThanTenAreAnsweredForEveryEntry() {
    for (int i = 0; i < 12; i++) {
      queue.enqueue(main, "bulk-" + i, Map.of());
    }
    List<ReceivedMessage> got = new ArrayList<>();
    for (int round = 0; round < 6 && got.size() < 12; round++) {
      got.addAll(receive(main, Duration.ofMinutes(5)));
    }
    assertThat(got).hasSize(12);
    var handles = got.stream().map(ReceivedMessage::receiptHandle).toList();
    var extend = new LinkedHashMap<ReceiptHandle, Duration>();
    handles.forEach(h -> extend.put(h, Duration.ofMinutes(10)));
    assertThat(queue.extendVisibility(main, extend).succeeded()).hasSize(12);
    var acked = queue.ack(main, handles);
    assertThat(acked.succeeded()).containsExactlyInAnyOrderElementsOf(handles);
    assertThat(acked.failed()).isEmpty();
  }

  @Test
  void emptyBatchesSucceedWithNothingToReport() {
    assertThat(queue.ack(main, List.of())).isEqualTo(new BatchResult(Set.of(), Map.of()));
    assertThat(queue.extendVisibility(main, Map.of())).isEqualTo(new BatchResult(Set.of(), Map.of()));
  }
}
