package dev.sluice.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.queue.port.QueueRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorityPollerTest {
  @TempDir Path workDir;

  @Test
  void higherPriorityComesFirstButLowerIsNeverStarved() throws Exception {
    WorkerWorld world = new WorkerWorld(workDir);
    QueueRef high = world.queue.create("high");
    QueueRef normal = world.queue.create("normal");
    QueueRef low = world.queue.create("low");
    for (int i = 0; i < 100; i++) {
      world.queue.enqueue(high, "h" + i, Map.of());
      world.queue.enqueue(normal, "n" + i, Map.of());
      world.queue.enqueue(low, "l" + i, Map.of());
    }
    var poller = new PriorityPoller(world.queue, List.of(high, normal, low), List.of(6, 3, 1),
        Duration.ofSeconds(20), Duration.ofMinutes(10), world.time, Duration.ofSeconds(1));

    Map<String, Integer> served = new HashMap<>();
    String first = null;
    for (int cycle = 0; cycle < 10; cycle++) {
      var batch = poller.poll();
      assertThat(batch).hasSize(10);
      served.merge(batch.get(0).queue().label(), 1, Integer::sum);
      if (first == null) {
        first = batch.get(0).queue().label();
      }
    }

    assertThat(first).isEqualTo("high");
    assertThat(served).containsEntry("high", 6).containsEntry("normal", 3).containsEntry("low", 1);
  }

  @Test
  void lowerQueuesGetEveryBatchWhileHigherOnesAreEmpty() throws Exception {
    WorkerWorld world = new WorkerWorld(workDir);
    QueueRef high = world.queue.create("high");
    QueueRef low = world.queue.create("low");
    for (int i = 0; i < 30; i++) {
      world.queue.enqueue(low, "l" + i, Map.of());
    }
    var poller = new PriorityPoller(world.queue, List.of(high, low), List.of(6, 1),
        Duration.ofSeconds(20), Duration.ofMinutes(10), world.time, Duration.ofSeconds(1));

    for (int cycle = 0; cycle < 3; cycle++) {
      assertThat(poller.poll()).hasSize(10).allSatisfy(m -> assertThat(m.queue()).isEqualTo(low));
    }
    assertThat(poller.poll()).isEmpty();
  }
}
