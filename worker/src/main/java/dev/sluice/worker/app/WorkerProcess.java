package dev.sluice.worker.app;

import dev.sluice.queue.port.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured number of loops on virtual threads, each with a ticker that keeps its
 * leases and acks moving between progress reports, and stops them in order: no new receives, the
 * in-flight jobs finish within the drain timeout, then whatever is still running is abandoned
 * and its message released.
 */
public final class WorkerProcess {
  private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

  private final LoopFactory loops;
  private final WorkerSettings settings;
  private final Sleeper sleeper;
  private final List<WorkerLoop> running = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  public WorkerProcess(LoopFactory loops, WorkerSettings settings, Sleeper sleeper) {
    this.loops = loops;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  public synchronized void start() {
    for (int i = 0; i < settings.loops(); i++) {
      WorkerLoop loop = loops.newLoop();
      running.add(loop);
      Thread loopThread = Thread.ofVirtual().name("sluice-loop-" + i).start(loop);
      threads.add(loopThread);
      Thread.ofVirtual().name("sluice-ticker-" + i).start(() -> tick(loop, loopThread));
    }
    log.info("Worker started: {} loop(s) on {}", settings.loops(), settings.queues());
  }

  /** Drains: returns true when every loop finished within {@code drainTimeout}. */
  public boolean stop(Duration drainTimeout) throws InterruptedException {
    running.forEach(WorkerLoop::stop);
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    boolean clean = true;
    for (Thread t : threads) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      if (!t.join(Duration.ofMillis(left))) {
        clean = false;
      }
    }
    if (!clean) {
      log.warn("Drain timeout {} passed; abandoning jobs in flight", drainTimeout);
      running.forEach(WorkerLoop::abandonInFlight);
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(10));
      }
    }
    return clean;
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
