package dev.sluice.queue.port;

import java.util.function.Function;

/** The value a port call produced, or the {@link Fault} that stopped it. */
public sealed interface Result<T> permits Result.Ok, Result.Err {

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> err(FaultKind kind, String detail) {
    return new Err<>(new Fault(kind, detail));
  }

  static <T> Result<T> err(Fault fault) {
    return new Err<>(fault);
  }

  default <U> Result<U> map(Function<? super T, ? extends U> f) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
      case Err<T> err -> new Err<>(err.fault());
    };
  }

  record Ok<T>(T value) implements Result<T> {}

  record Err<T>(Fault fault) implements Result<T> {}
}
