package dev.sluice.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.system.SystemTime;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several loops on virtual threads, real time: every job is published once and stop drains cleanly. */
class WorkerProcessTest {
  @TempDir Path workDir;

  @Test
  @Timeout(30)
  void twoLoopsShareTheQueueAndDrainOnStop() throws Exception {
    WorkerWorld world = new WorkerWorld(workDir);
    SystemTime time = new SystemTime();
    InMemoryJobQueue realTimeQueue = new InMemoryJobQueue(time, time);
    var dlq = realTimeQueue.create("dlq");
    var jobsQueue = realTimeQueue.create("jobs", dlq, 5);
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Job job = world.sourceAndJob("asset-p-" + i);
      jobs.add(job);
      realTimeQueue.enqueue(jobsQueue, world.codec.encode(job), java.util.Map.of());
    }
    var d = WorkerSettings.defaults(List.of(jobsQueue), workDir);
    var settings = new WorkerSettings(d.queues(), d.priorityWeights(), 2, 5, Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1),
        Duration.ofMillis(200), Duration.ofSeconds(1), workDir, d.resourceClass());
    JobPolicy policy = new JobPolicy(world.policy);
    var pipeline = new JobPipeline(world.codec, new PresetResolver(world.catalogue, settings.resourceClass()),
        new ProbeStage(world.store), new ReevaluateStage(world.store, policy), new FetchVerifyStage(world.store),
        new TranscodeStage(FixedMediaProbe.shortHdClip(), new CopyingTranscoder(), policy),
        new PublishStage(world.store, policy), workDir);
    var process = new WorkerProcess(
        new LoopFactory(settings, realTimeQueue, pipeline, world.telemetry, time, time), settings, time, time,
        ReceiveGate.alwaysOpen());

    process.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (realTimeQueue.contents(jobsQueue).size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    boolean clean = process.stop(Duration.ofSeconds(5));

    assertThat(clean).isTrue();
    assertThat(realTimeQueue.contents(jobsQueue)).isEmpty();
    assertThat(realTimeQueue.contents(dlq)).isEmpty();
    for (Job job : jobs) {
      assertThat(world.store.bytes(OutputKeys.of(job, "mp4"))).isPresent();
    }
    assertThat(world.telemetry.jobs()).hasSize(25);
  }
}
