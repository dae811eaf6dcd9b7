package dev.sluice.enqueuer.app;

import dev.sluice.enqueuer.domain.JobRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Prepares the requests of one call side by side on virtual threads: each costs a HEAD and a
 * marker read, so a batch of a hundred would otherwise wait for two hundred round trips in a row.
 * At most {@link #PARALLELISM} run at once, so one batch cannot take every S3 connection.
 */
final class ParallelPreparation {
  static final int PARALLELISM = 8;

  private final RequestPreparer preparer;

  ParallelPreparation(RequestPreparer preparer) {
    this.preparer = preparer;
  }

  List<RequestPreparer.Preparation> prepareAll(List<JobRequest> requests, Instant now) {
    if (requests.size() == 1) {
      return List.of(preparer.prepare(requests.getFirst(), now));
    }
    Semaphore permits = new Semaphore(PARALLELISM);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<RequestPreparer.Preparation>> futures = new ArrayList<>(requests.size());
      for (JobRequest request : requests) {
        futures.add(threads.submit(() -> {
          permits.acquire();
          try {
            return preparer.prepare(request, now);
          } finally {
            permits.release();
          }
        }));
      }
      List<RequestPreparer.Preparation> out = new ArrayList<>(requests.size());
      for (Future<RequestPreparer.Preparation> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing a batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("preparing a request failed: " + e.getCause(), e.getCause());
    }
  }
}
