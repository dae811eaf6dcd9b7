package dev.sluice.worker.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.contract.domain.SourceRef;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.policy.domain.Decision;
import dev.sluice.worker.adapter.memory.CopyingTranscoder;
import dev.sluice.worker.adapter.memory.FixedMediaProbe;
import dev.sluice.queue.adapter.memory.InMemoryJobQueue;
import dev.sluice.queue.adapter.memory.InMemoryObjectStore;
import dev.sluice.queue.adapter.memory.ManualTime;
import dev.sluice.worker.adapter.memory.RecordingTelemetry;
import dev.sluice.worker.app.WorkerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dagger graph builds, and a loop it makes runs a job end to end. */
class MemoryWorkerComponentTest {
  @TempDir Path workDir;

  @Test
  void daggerBuiltLoopPublishesAJob() throws Exception {
    ManualTime time = new ManualTime();
    InMemoryJobQueue queue = new InMemoryJobQueue(time, time);
    var dlq = queue.create("dlq");
    var jobs = queue.create("jobs", dlq, 5);
    InMemoryObjectStore store = new InMemoryObjectStore();
    var catalogue = BundledCatalogue.load();
    var component = DaggerMemoryWorkerComponent.builder()
        .settings(WorkerSettings.defaults(List.of(jobs), workDir))
        .queue(queue).store(store).time(time)
        .policy(request -> new Decision.Admit("r1"))
        .catalogue(catalogue)
        .transcoder(new CopyingTranscoder())
        .mediaProbe(FixedMediaProbe.shortHdClip())
        .telemetry(new RecordingTelemetry())
        .build();
    byte[] bytes = "source".getBytes(StandardCharsets.UTF_8);
    ObjectRef src = new ObjectRef("media-in", "a.mp4");
    store.put(src, bytes, Map.of());
    Job job = new Job(UUID.randomUUID(), "a", Optional.empty(),
        new SourceRef(src, Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes)), bytes.length),
        "thumb-jpeg", catalogue.find("thumb-jpeg").orElseThrow().recipeDigest(),
        new ObjectRef("media-out", "r/"), Priority.HIGH, time.now());
    queue.enqueue(jobs, new JobCodec().encode(job), Map.of());

    assertThat(component.loops().newLoop().runOnce()).isEqualTo(1);

    assertThat(store.bytes(OutputKeys.of(job, "jpg"))).contains(bytes);
    assertThat(component.process()).isSameAs(component.process());
  }
}
