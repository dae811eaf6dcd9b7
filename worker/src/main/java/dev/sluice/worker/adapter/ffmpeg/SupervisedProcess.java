package dev.sluice.worker.adapter.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one FFmpeg child under a wall-clock limit and a watch that may stop it, and kills the whole
 * process tree when it stops early. Invariant: when {@link #run} returns, the child and anything
 * it started have exited and both pipes are drained, so no process outlives its job and no pipe
 * fills up and stalls the child. The watch runs on the caller's thread, between short waits.
 */
final class SupervisedProcess {
  /** Stderr kept per run: the first lines (the cause) and the last (the verdict). */
  static final int STDERR_HEAD = 3;
  static final int STDERR_TAIL = 10;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long REAP_SECONDS = 10;

  /** Why a child was stopped before it exited by itself. */
  enum Why { TIMEOUT, CANCELLED, OVERRUN }

  record Stop(Why why, String detail) {}

  /** Asked between waits; a stop ends the child. Runs on the thread that called {@link #run}. */
  @FunctionalInterface
  interface Watch {
    Optional<Stop> check();
  }

  sealed interface End permits Exited, Stopped, NotStarted {
    List<String> stderr();
  }

  record Exited(int code, List<String> stderr) implements End {}

  record Stopped(Stop stop, List<String> stderr) implements End {}

  record NotStarted(String reason) implements End {
    @Override
    public List<String> stderr() {
      return List.of();
    }
  }

  private SupervisedProcess() {}

  static End run(ProcessBuilder pb, Duration limit, Watch watch, Consumer<String> stdoutLines) {
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      return new NotStarted(pb.command().get(0) + " could not be started: " + e.getMessage());
    }
    StderrExcerpt stderr = new StderrExcerpt(STDERR_HEAD, STDERR_TAIL);
    Thread out = Thread.ofVirtual().start(() -> drain(process.getInputStream(), stdoutLines));
    Thread err = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr::add));
    closeStdin(process);
    Optional<Stop> stop = Optional.empty();
    boolean supervised = false;
    try {
      stop = supervise(process, System.nanoTime() + limit.toNanos(), watch);
      supervised = true;
    } finally {
      // A watch that throws (a listener's bug) must not leave the child running.
      if (!supervised || stop.isPresent()) {
        killTree(process);
      }
    }
    join(out);
    join(err);
    return stop.<End>map(s -> new Stopped(s, stderr.lines()))
        .orElseGet(() -> new Exited(process.exitValue(), stderr.lines()));
  }

  private static Optional<Stop> supervise(Process process, long deadline, Watch watch) {
    try {
      while (!process.waitFor(Math.max(0, Math.min(POLL_NANOS, deadline - System.nanoTime())),
          TimeUnit.NANOSECONDS)) {
        if (System.nanoTime() - deadline >= 0) {
          return Optional.of(new Stop(Why.TIMEOUT, "the wall-clock limit passed"));
        }
        Optional<Stop> stop = watch.check();
        if (stop.isPresent()) {
          return stop;
        }
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new Stop(Why.CANCELLED, "the worker thread was interrupted"));
    }
  }

  /** Kills the descendants first, so none is re-parented to init and left running. */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    boolean interrupted = Thread.interrupted();
    try {
      process.waitFor(REAP_SECONDS, TimeUnit.SECONDS);
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeStdin(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // FFmpeg runs with -nostdin; a stdin that will not close changes nothing.
    }
  }

  private static void drain(InputStream stream, Consumer<String> lines) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.accept(line);
      }
    } catch (IOException ignored) {
      // The pipe closes when the child is killed; what was read so far is all there is.
    }
  }

  private static void join(Thread reader) {
    try {
      reader.join(Duration.ofSeconds(REAP_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
