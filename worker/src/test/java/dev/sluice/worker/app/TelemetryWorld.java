package dev.sluice.worker.app;

import dev.sluice.contract.domain.Job;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.port.Fault;
import dev.sluice.worker.port.JobTelemetry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A {@link WorkerWorld} whose loops report to a given telemetry, for adapter tests outside this package. */
public final class TelemetryWorld {
  private final WorkerWorld world;

  public TelemetryWorld(Path workDir, JobTelemetry telemetry) {
    this.world = new WorkerWorld(workDir);
    world.jobTelemetry = telemetry;
  }

  public Job sourceAndJob(String assetId) {
    return world.sourceAndJob(assetId);
  }

  /** Another job for the same output (same asset, variant, source and recipe). */
  public Job sameOutput(Job job) {
    return new Job(UUID.randomUUID(), job.assetId(), job.tenant(), job.source(), job.variant(),
        job.recipeDigest(), job.target(), job.priority(), job.enqueuedAt());
  }

  public void sendWithTraceparent(Job job, String traceparent) {
    Map<String, String> attrs = new HashMap<>();
    if (traceparent != null) {
      attrs.put("traceparent", traceparent);
    }
    world.queue.enqueue(world.jobs, world.codec.encode(job), attrs);
  }

  public int runOnce() throws InterruptedException {
    return world.loop().runOnce();
  }

  public void storeChecksums(boolean on) {
    world.store.storeChecksums(on);
  }

  public void failNext(InMemoryObjectStore.Op op, Fault fault) {
    world.store.failNext(op, fault, 1);
  }

  /** Deletes the job's source, so the job ends WITHDRAWN with the source key in its reason. */
  public void withdraw(Job job) {
    world.store.delete(job.source().uri());
  }

  public void deny() {
    world.deny("asset is on the deny list");
  }
}
