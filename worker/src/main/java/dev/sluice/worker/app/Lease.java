package dev.sluice.worker.app;

import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import java.time.Instant;

/**
 * This worker's hold on one delivered message, from receive until it is acked or released. The
 * {@link LeaseKeeper} moves {@link #expiresAt()} forward; once {@link #lost()} is true the job must
 * not publish, because another worker may own the message.
 */
public final class Lease {
  private final QueueRef queue;
  private final ReceiptHandle handle;
  private volatile Instant expiresAt;
  private volatile boolean lost;
  private volatile boolean held = true;

  Lease(QueueRef queue, ReceiptHandle handle, Instant expiresAt) {
    this.queue = queue;
    this.handle = handle;
    this.expiresAt = expiresAt;
  }

  public QueueRef queue() {
    return queue;
  }

  public ReceiptHandle handle() {
    return handle;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean lost() {
    return lost;
  }

  boolean held() {
    return held;
  }

  void extendedUntil(Instant until) {
    this.expiresAt = until;
  }

  void markLost() {
    this.lost = true;
  }

  void letGo() {
    this.held = false;
  }
}
