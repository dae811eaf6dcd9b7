package dev.sluice.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore.Op;
import dev.sluice.worker.domain.JobOutcome;
import dev.sluice.worker.domain.JobOutcome.Cause;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backoff, attempt budget, lease keeping and shutdown, on the manual clock. */
class RetriesAndLeasesTest {
  @TempDir Path workDir;
  WorkerWorld world;

  @BeforeEach
  void setUp() {
    world = new WorkerWorld(workDir);
  }

  @Test
  void transientFetchFailureRetriesWithGrowingBackoffThenDeadLetters() throws Exception {
    Job job = world.sourceAndJob("asset-flaky");
    world.send(job);
    WorkerLoop loop = world.loop();
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= 4; attempt++) {
      world.store.failNext(Op.GET, new Fault(FaultKind.UNREACHABLE, "connection reset"), 1);
      assertThat(loop.runOnce()).isEqualTo(1);
      var pending = world.pending().get(0);
      assertThat(pending.receiveCount()).isEqualTo(attempt);
      delays.add(Duration.between(world.time.now(), pending.visibleAt()));
      assertThat(loop.runOnce()).as("hidden during its backoff").isZero();
      world.time.advance(delays.get(delays.size() - 1));
    }
    assertThat(delays).isSorted();
    assertThat(delays.get(3)).isGreaterThan(delays.get(0));
    assertThat(delays.get(0)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

    world.store.failNext(Op.GET, new Fault(FaultKind.UNREACHABLE, "connection reset"), 1);
    assertThat(loop.runOnce()).isEqualTo(1);

    assertThat(world.pending()).isEmpty();
    var letter = world.deadLetters().get(0);
    assertThat(letter.attributes())
        .containsEntry(DeadLetter.ATTR_CAUSE, "SOURCE_UNAVAILABLE")
        .containsEntry(DeadLetter.ATTR_ATTEMPTS, "5");
    assertThat(letter.attributes().get(DeadLetter.ATTR_REASON))
        .startsWith("gave up after 5 attempts").contains("connection reset");
    assertThat(letter.body()).isEqualTo(world.codec.encode(job));
  }

  @Test
  void leaseKeeperHoldsTheTenthJobOfASlowBatch() throws Exception {
    AtomicInteger stolen = new AtomicInteger();
    // Each job takes 10 s of clock time: the batch takes 100 s against a 30 s window.
    world.transcoder = new CopyingTranscoder(10, step -> {
      world.time.advance(Duration.ofSeconds(1));
      var other = world.queue.receive(world.jobs, 10, Duration.ZERO, WorkerWorld.VISIBILITY);
      if (other instanceof Result.Ok<List<ReceivedMessage>> ok) {
        stolen.addAndGet(ok.value().size());
      }
    });
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Job job = world.sourceAndJob("asset-slow-" + i);
      jobs.add(job);
      world.send(job);
    }

    assertThat(world.loop().runOnce()).isEqualTo(10);

    assertThat(stolen).as("no message reappeared to another receiver").hasValue(0);
    assertThat(world.telemetry.leaseLosses()).isZero();
    assertThat(world.telemetry.leaseExtensions()).isGreaterThanOrEqualTo(9);
    for (Job job : jobs) {
      assertThat(world.store.bytes(OutputKeys.of(job, "mp4"))).isPresent();
    }
    assertThat(world.pending()).isEmpty();
  }

  @Test
  void lostLeaseStopsTheJobAndNothingIsPublished() throws Exception {
    Job job = world.sourceAndJob("asset-lost");
    AtomicInteger takenByOther = new AtomicInteger();
    world.transcoder = new CopyingTranscoder(5, step -> {
      // A long GC pause: the window lapses and another worker receives the message.
      world.time.advance(Duration.ofSeconds(31));
      var other = world.queue.receive(world.jobs, 10, Duration.ZERO, WorkerWorld.VISIBILITY);
      if (other instanceof Result.Ok<List<ReceivedMessage>> ok) {
        takenByOther.addAndGet(ok.value().size());
      }
    });
    world.send(job);

    world.loop().runOnce();

    assertThat(takenByOther).hasValue(1);
    JobOutcome outcome = world.telemetry.jobs().get(0).outcomes().get(0);
    assertThat(outcome.causeIfAny()).contains(Cause.LEASE_LOST);
    assertThat(world.store.count(Op.PUT)).isZero();
    assertThat(world.telemetry.leaseLosses()).isEqualTo(1);
    assertThat(world.pending()).as("the other worker now owns it").hasSize(1);
    assertThat(world.deadLetters()).isEmpty();
  }

  @Test
  void stopReleasesUnstartedMessagesAndFinishesTheJobInFlight() throws Exception {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      jobs.add(world.sourceAndJob("asset-drain-" + i));
      world.send(jobs.get(i));
    }
    AtomicInteger steps = new AtomicInteger();
    AtomicInteger visibleRightAfterStop = new AtomicInteger(-1);
    WorkerLoop[] loop = new WorkerLoop[1];
    world.transcoder = new CopyingTranscoder(4, step -> {
      // Job 3 is in flight when SIGTERM arrives: the 7 unstarted are released before it ends.
      if (steps.incrementAndGet() == 2 * 4 + 2) {
        loop[0].stop();
        visibleRightAfterStop.set((int) world.pending().stream()
            .filter(m -> !m.visibleAt().isAfter(world.time.now())).count());
      }
    });
    loop[0] = world.loop();

    assertThat(loop[0].runOnce()).isEqualTo(3);

    assertThat(visibleRightAfterStop).as("released while job 3 was still running").hasValue(7);

    assertThat(world.pending()).hasSize(7)
        .allSatisfy(m -> assertThat(m.visibleAt()).isEqualTo(world.time.now()));
    for (int i = 0; i < 3; i++) {
      assertThat(world.store.bytes(OutputKeys.of(jobs.get(i), "mp4"))).isPresent();
    }
  }

  @Test
  void aClosedReceiveGateStopsReceiving() throws Exception {
    world.send(world.sourceAndJob("asset-gated"));
    java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(false);
    WorkerLoop loop = world.loop(List.of(world.jobs),
        () -> open.get() ? java.util.Optional.empty() : java.util.Optional.of("s3 breaker open"));

    assertThat(loop.runOnce()).isZero();
    assertThat(world.queue.requestCounts()).doesNotContainKey("ReceiveMessage");
    assertThat(world.pending()).singleElement().extracting(m -> m.receiveCount()).isEqualTo(0);

    open.set(true);
    assertThat(loop.runOnce()).isEqualTo(1);
  }

  @Test
  void acksOfShortJobsAreBatched() throws Exception {
    for (int i = 0; i < 10; i++) {
      world.send(world.sourceAndJob("asset-batch-" + i));
    }
    world.loop().runOnce();

    assertThat(world.pending()).isEmpty();
    assertThat(world.queue.requestCounts())
        .containsEntry("ReceiveMessage", 1L)
        .containsEntry("DeleteMessageBatch", 1L)
        .doesNotContainKey("ChangeMessageVisibilityBatch");
  }
}
