package dev.sluice.worker.domain;

/**
 * What a pipeline stage returns: carry on with a value, or stop with a final outcome. Stages never
 * touch the queue; the pipeline threads values through and stops at the first outcome.
 */
public sealed interface Step<T> permits Step.Next, Step.Done {

  static <T> Step<T> next(T value) {
    return new Next<>(value);
  }

  static <T> Step<T> done(JobOutcome outcome) {
    return new Done<>(outcome);
  }

  record Next<T>(T value) implements Step<T> {}

  record Done<T>(JobOutcome outcome) implements Step<T> {}
}
