package dev.sluice.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.OutputKeys;
import dev.sluice.queue.port.DeadLetter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison messages of many kinds are dropped with their raw body kept, and the loop goes on. */
class MalformedMessagesTest {
  @TempDir Path workDir;

  @Test
  void everyMalformedBodyEndsInTheDeadLetterQueueVerbatimAndGoodJobsStillRun() throws Exception {
    WorkerWorld world = new WorkerWorld(workDir);
    Job good = world.sourceAndJob("asset-good");
    String valid = world.codec.encode(good);
    List<String> poison = List.of(
        "",
        "not json at all",
        "[1,2,3]",
        "{}",
        valid.replace("\"v\":1", "\"v\":2"),
        valid.replace("\"v\":1", "\"v\":\"1\""),
        valid.replace(good.jobId().toString(), "not-a-uuid"),
        valid.replace("asset-good", "../etc/passwd"),
        valid.replace("asset-good", "asset\u200bgood"),
        valid.replace("uploads/asset-good.mp4", "uploads/../../secret.mp4"),
        valid.replace("uploads/asset-good.mp4", "/abs/key.mp4"),
        valid.replace("uploads/asset-good.mp4", "uploads/a\\u0007b.mp4"),
        valid.replace("renditions/", "renditions/../other/"),
        valid.replace("renditions/", "renditions"),
        valid.replace(good.source().sha256().hex(), good.source().sha256().hex().toUpperCase()),
        valid.replace("\"size\":" + good.source().size(), "\"size\":-1"),
        valid.replace("\"size\":" + good.source().size(), "\"size\":\"12\""),
        valid.replace("\"priority\":\"normal\"", "\"priority\":\"urgent\""),
        valid.replace("}", ",\"extra\":true}"),
        valid.substring(0, valid.length() / 2),
        "{\"v\":1," + "x".repeat(300 * 1024) + "}");
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < poison.size(); i++) {
      if (i == poison.size() / 2) {
        world.send(good);
      }
      world.send(world.jobs, poison.get(i));
      sent.add(poison.get(i));
    }

    WorkerLoop loop = world.loop();
    while (loop.runOnce() > 0) {
      // drain
    }

    assertThat(world.store.bytes(OutputKeys.of(good, "mp4"))).isPresent();
    assertThat(world.pending()).isEmpty();
    var letters = world.deadLetters();
    assertThat(letters).hasSize(poison.size());
    assertThat(letters).extracting(m -> m.body()).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(letters).allSatisfy(m -> {
      assertThat(m.attributes()).containsEntry(DeadLetter.ATTR_CAUSE, "MALFORMED");
      assertThat(m.attributes().get(DeadLetter.ATTR_REASON)).startsWith("message is not a valid job: ");
    });
  }
}
