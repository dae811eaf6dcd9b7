package dev.sluice.enqueuer.adapter.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * A per-tenant request rate limit: each tenant (and, together, every request without one) gets
 * its own Resilience4j limiter of {@code perSecond} permits per second, so one busy tenant cannot
 * crowd the others out. A refused request is never queued: it is answered 429 at once, with the
 * time until the next permit as Retry-After.
 */
public final class TenantRateLimiter {
  private final RateLimiterRegistry limiters;
  private final int perSecond;

  public TenantRateLimiter(int perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("the rate limit must be at least 1 per second");
    }
    this.perSecond = perSecond;
    this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(perSecond)
        .limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ZERO)
        .build());
  }

  public int perSecond() {
    return perSecond;
  }

  /** Empty when {@code tenant} may go on; otherwise how long it should wait. */
  public Optional<Duration> acquire(String tenant) {
    RateLimiter limiter = limiters.rateLimiter("tenant-" + tenant);
    if (limiter.acquirePermission()) {
      return Optional.empty();
    }
    long nanos = limiter instanceof AtomicRateLimiter atomic
        ? atomic.getDetailedMetrics().getNanosToWait() : Duration.ofSeconds(1).toNanos();
    return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
  }
}
