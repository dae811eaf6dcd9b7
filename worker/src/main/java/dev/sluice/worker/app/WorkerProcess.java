package dev.sluice.worker.app;

import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured number of loops on virtual threads, each with a ticker that keeps its leases
 * and acks moving between progress reports, and drains them in order: no new receives, unstarted
 * messages released at once, the jobs in flight finish within the drain timeout, then whatever is
 * still running is abandoned and its message released. Also answers the health questions.
 */
public final class WorkerProcess {
  private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

  private final LoopFactory loops;
  private final WorkerSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ReceiveGate gate;
  private final List<WorkerLoop> running = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CompletableFuture<Boolean> drained = new CompletableFuture<>();
  private volatile boolean started;
  private volatile boolean draining;

  public WorkerProcess(LoopFactory loops, WorkerSettings settings, Sleeper sleeper, Clock clock,
      ReceiveGate gate) {
    this.loops = loops;
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
    this.gate = gate;
  }

  public synchronized void start() {
    for (int i = 0; i < settings.loops(); i++) {
      WorkerLoop loop = loops.newLoop();
      running.add(loop);
      Thread loopThread = Thread.ofVirtual().name("sluice-loop-" + i).start(loop);
      threads.add(loopThread);
      Thread.ofVirtual().name("sluice-ticker-" + i).start(() -> tick(loop, loopThread));
    }
    started = true;
    log.info("Worker started: {} loop(s) on {}", settings.loops(), settings.queues());
  }

  /**
   * Drains once, whoever asks first (SIGTERM, the /drain endpoint): returns true when every loop
   * finished within {@code drainTimeout}. Later callers wait for the same answer.
   */
  public boolean stop(Duration drainTimeout) throws InterruptedException {
    synchronized (this) {
      if (draining) {
        return awaitDrained();
      }
      draining = true;
    }
    log.info("Draining: no new receives; unstarted messages released; waiting up to {} for jobs in flight",
        drainTimeout);
    running.forEach(WorkerLoop::stop);
    boolean clean = joinAll(drainTimeout);
    if (!clean) {
      log.warn("Drain timeout {} passed; abandoning jobs in flight and releasing their messages", drainTimeout);
      running.forEach(WorkerLoop::abandonInFlight);
      joinAll(Duration.ofSeconds(10));
    }
    drained.complete(clean);
    return clean;
  }

  /** Whether some loop made progress within {@code within} (the liveness rule). */
  public boolean live(Duration within) {
    if (!started || draining) {
      return true;
    }
    var cutoff = clock.now().minus(within);
    return running.stream().anyMatch(l -> l.health().lastProgress().isAfter(cutoff));
  }

  /** Why the worker should not get traffic now, or empty when ready. */
  public Optional<String> notReady() {
    if (!started) {
      return Optional.of("not started");
    }
    if (draining) {
      return Optional.of("draining");
    }
    Optional<String> gateClosed = gate.closedBecause();
    if (gateClosed.isPresent()) {
      return gateClosed;
    }
    if (running.stream().noneMatch(l -> l.health().hasReceived())) {
      return Optional.of("no successful receive yet");
    }
    return Optional.empty();
  }

  public boolean draining() {
    return draining;
  }

  private boolean joinAll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (Thread t : threads) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      all &= t.join(Duration.ofMillis(left));
    }
    return all;
  }

  private boolean awaitDrained() throws InterruptedException {
    try {
      return drained.get();
    } catch (ExecutionException e) {
      return false;
    }
  }

  /** Ticks for as long as the loop runs, including while it drains its last job. */
  private void tick(WorkerLoop loop, Thread loopThread) {
    try {
      while (loopThread.isAlive()) {
        sleeper.sleep(settings.heartbeatInterval());
        loop.heartbeat();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Lease ticker failed", e);
    }
  }
}
