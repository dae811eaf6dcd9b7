package dev.sluice.worker.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.queue.port.QueueRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {
  final WorkerSettings d = WorkerSettings.defaults(List.of(QueueRef.of("q")), Path.of("/tmp/w"));

  @Test
  void aMarginLongerThanTheWindowIsRefusedByName() {
    assertThatThrownBy(() -> new WorkerSettings(d.queues(), d.priorityWeights(), 1, 5,
        Duration.ofSeconds(10), Duration.ofSeconds(20), d.backoffBase(), d.backoffCap(), d.longPoll(),
        d.ackFlushInterval(), d.heartbeatInterval(), d.workDir(), d.resourceClass()))
        .hasMessageContaining("'leaseMargin'").hasMessageContaining("shorter than visibilityTimeout");
  }

  @Test
  void loopsOutOfRangeAreRefusedByName() {
    assertThatThrownBy(() -> new WorkerSettings(d.queues(), d.priorityWeights(), 0, 5,
        d.visibilityTimeout(), d.leaseMargin(), d.backoffBase(), d.backoffCap(), d.longPoll(),
        d.ackFlushInterval(), d.heartbeatInterval(), d.workDir(), d.resourceClass()))
        .hasMessageContaining("'loops'").hasMessageContaining("1..64");
  }

  @Test
  void longPollBeyondTheSqsLimitIsRefused() {
    assertThatThrownBy(() -> new WorkerSettings(d.queues(), d.priorityWeights(), 1, 5,
        d.visibilityTimeout(), d.leaseMargin(), d.backoffBase(), d.backoffCap(), Duration.ofSeconds(21),
        d.ackFlushInterval(), d.heartbeatInterval(), d.workDir(), d.resourceClass()))
        .hasMessageContaining("'longPoll'");
  }

  @Test
  void weightsMustMatchQueues() {
    assertThatThrownBy(() -> new WorkerSettings(d.queues(), List.of(1, 2), 1, 5,
        d.visibilityTimeout(), d.leaseMargin(), d.backoffBase(), d.backoffCap(), d.longPoll(),
        d.ackFlushInterval(), d.heartbeatInterval(), d.workDir(), d.resourceClass()))
        .hasMessageContaining("'priorityWeights'");
  }
}
