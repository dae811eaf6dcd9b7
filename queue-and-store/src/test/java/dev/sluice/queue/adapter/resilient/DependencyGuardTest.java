package dev.sluice.queue.adapter.resilient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore.Op;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGuardTest {
  private static final ObjectRef KEY = new ObjectRef("bucket", "key");
  private final InMemoryObjectStore store = new InMemoryObjectStore();

  private static GuardSettings fast(int attempts) {
    return new GuardSettings(attempts, Duration.ofMillis(1), 50, 4, 4, Duration.ofMillis(300), 1, 8);
  }

  @Test
  void transientFaultsAreRetriedUntilTheCallSucceeds() {
    store.put(KEY, new byte[] {1}, Map.of());
    store.failNext(Op.HEAD, new Fault(FaultKind.THROTTLED, "SlowDown"), 2);
    var guarded = new GuardedSourceStore(store, new DependencyGuard("s3-source", fast(3)));

    var result = guarded.head(KEY);

    assertThat(result).isInstanceOf(Result.Ok.class);
    assertThat(store.count(Op.HEAD)).isEqualTo(3);
  }

  @Test
  void answersLikeForbiddenOrNotFoundAreNotRetried() {
    store.failNext(Op.HEAD, new Fault(FaultKind.UNAUTHORIZED, "AccessDenied"), 1);
    var guarded = new GuardedSourceStore(store, new DependencyGuard("s3-source", fast(3)));

    var result = guarded.head(KEY);

    assertThat(result).isInstanceOf(Result.Err.class);
    assertThat(((Result.Err<?>) result).fault().kind()).isEqualTo(FaultKind.UNAUTHORIZED);
    assertThat(store.count(Op.HEAD)).isEqualTo(1);
  }

  @Test
  void sustainedFailureOpensTheBreakerAndCallsFailFastThenRecovery() throws Exception {
    DependencyGuard guard = new DependencyGuard("s3-output", fast(1));
    var guarded = new GuardedPublisher(store, guard);
    store.failNext(Op.HEAD, new Fault(FaultKind.SERVER_ERROR, "InternalError"), 4);
    for (int i = 0; i < 4; i++) {
      guarded.probe(KEY);
    }
    assertThat(guard.admitting()).isFalse();
    long before = store.count(Op.HEAD);

    var refused = guarded.probe(KEY);

    assertThat(store.count(Op.HEAD)).as("no call reached the store").isEqualTo(before);
    assertThat(((Result.Err<?>) refused).fault().detail()).contains("circuit breaker is open");

    Thread.sleep(450);
    assertThat(guard.admitting()).as("half-open after the wait").isTrue();
    assertThat(guarded.probe(KEY)).isInstanceOf(Result.Ok.class);
    assertThat(guard.breaker().getState().name()).isEqualTo("CLOSED");
  }

  @Test
  void aBatchThatFailedWholeIsRetriedButAPartialOneIsNot() {
    var ok = new dev.sluice.queue.port.BatchResult(java.util.Set.of(new dev.sluice.queue.port.ReceiptHandle("a")),
        Map.of(new dev.sluice.queue.port.ReceiptHandle("b"), new Fault(FaultKind.THROTTLED, "x")));
    var whole = dev.sluice.queue.port.BatchResult.allFailed(
        java.util.List.of(new dev.sluice.queue.port.ReceiptHandle("a")), new Fault(FaultKind.UNREACHABLE, "reset"));
    assertThat(DependencyGuard.transientFailure(ok)).isFalse();
    assertThat(DependencyGuard.transientFailure(whole)).isTrue();
  }
}
