package dev.sluice.queue.adapter.resilient;

import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.Result;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resilience4j around the calls to one dependency, on values rather than exceptions: a call is
 * retried while its result is a transient fault (throttling, 5xx, resets, timeouts — never a
 * 403/404/412, which are answers), the breaker counts transient faults only, and when it is open
 * calls fail fast with an UNREACHABLE fault instead of waiting on a dead endpoint. Retrying whole
 * jobs is the queue's business; this only smooths single calls.
 */
public final class DependencyGuard {
  private final String name;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;

  public DependencyGuard(String name, GuardSettings s) {
    this.name = name;
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .failureRateThreshold(s.failureRatePercent())
        .slidingWindowSize(s.window())
        .minimumNumberOfCalls(s.minimumCalls())
        .waitDurationInOpenState(s.openFor())
        .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordResult(DependencyGuard::transientFailure)
        .recordExceptions(RuntimeException.class)
        .build());
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(s.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(s.firstBackoff(), 2.0, 0.5))
        .retryOnResult(DependencyGuard::transientFailure)
        .ignoreExceptions(CallNotPermittedException.class, BulkheadFullException.class)
        .failAfterMaxAttempts(false)
        .build());
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(s.maxConcurrent())
        .maxWaitDuration(Duration.ofSeconds(5))
        .build());
  }

  /** Runs a call that answers a {@link Result}. */
  public <T> Result<T> call(String operation, Supplier<Result<T>> call) {
    return guarded(operation, call, Result::err);
  }

  /**
   * Runs a call whose failure shows in its value in some other way (a batch in which every entry
   * failed); {@code rejected} builds that value when the guard itself refuses the call.
   */
  public <T> T call(String operation, Supplier<T> call, Function<Fault, T> rejected) {
    return guarded(operation, call, rejected);
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  public Retry retry() {
    return retry;
  }

  public Bulkhead bulkhead() {
    return bulkhead;
  }

  public String name() {
    return name;
  }

  /** False while the breaker is open: callers that can wait should (e.g. stop receiving). */
  public boolean admitting() {
    return breaker.getState() != CircuitBreaker.State.OPEN
        && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
  }

  private <T> T guarded(String operation, Supplier<T> call, Function<Fault, T> rejected) {
    Supplier<T> decorated = Retry.decorateSupplier(retry,
        CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call)));
    try {
      return decorated.get();
    } catch (CallNotPermittedException e) {
      return rejected.apply(new Fault(FaultKind.UNREACHABLE,
          operation + " not attempted: the " + name + " circuit breaker is open after repeated failures"));
    } catch (BulkheadFullException e) {
      return rejected.apply(new Fault(FaultKind.THROTTLED,
          operation + " not attempted: too many concurrent calls to " + name));
    }
  }

  /** Whether a call's value is a failure worth retrying and counting against the breaker. */
  static boolean transientFailure(Object value) {
    if (value instanceof Result.Err<?> err) {
      return err.fault().kind().transientFault();
    }
    if (value instanceof dev.sluice.queue.port.BatchResult batch) {
      return batch.succeeded().isEmpty() && !batch.failed().isEmpty()
          && batch.failed().values().stream().allMatch(f -> f.kind().transientFault());
    }
    return false;
  }
}
