package dev.sluice.enqueuer.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.enqueuer.MemoryServer;
import dev.sluice.enqueuer.MemoryWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice enqueue} against the real HTTP API on in-memory adapters. */
class EnqueueCommandTest {
  final MemoryWorld world = new MemoryWorld();
  final MemoryServer api;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  @TempDir Path dir;

  EnqueueCommandTest() {
    world.upload("clip.mp4", "frames");
    api = new MemoryServer(world);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--api", api.uri("").toString(), "--token", MemoryServer.TOKEN));
    return new CommandLine(new EnqueueCommand(Map.of())).setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new));
  }

  @Test
  void printsEveryJobAndTheTraceId() {
    int code = run("--source", "s3://media-in/uploads/clip.mp4", "--variant", "h264-720p",
        "--variant", "thumb-jpeg", "--target", "s3://media-out/renditions/");
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("job [0-9a-f-]{36} h264-720p s3://media-out/renditions/clip/h264-720p/.*\\.mp4");
    assertThat(lines.get(1)).startsWith("job ").contains(" thumb-jpeg ");
    assertThat(lines.get(2)).matches("trace [0-9a-f]{32}");
    assertThat(world.messages(world.normal)).hasSize(2);
  }

  @Test
  void aRefusalGoesToStderrWithItsCauseAndExitsOne() {
    int code = run("--source", "s3://other-bucket/clip.mp4", "--variant", "h264-720p",
        "--target", "s3://media-out/renditions/", "--asset", "clip-9");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("refused: HTTP 403 denied SOURCE_NOT_ALLOWED");
    assertThat(out.toString()).containsPattern("trace [0-9a-f]{32}");
  }

  @Test
  void aFileIsSentInBatchesWithProgressAndASummaryOfEveryRefusal() throws Exception {
    Path file = dir.resolve("jobs.jsonl");
    StringBuilder lines = new StringBuilder("# a comment, skipped\n");
    for (int i = 0; i < 120; i++) {
      lines.append("{\"assetId\":\"clip-").append(i).append("\",\"source\":{\"uri\":\"s3://media-in/uploads/clip.mp4\"},")
          .append("\"variants\":[\"thumb-jpeg\"],\"target\":{\"uri\":\"s3://media-out/renditions/\"}}\n");
    }
    lines.append("{not json\n");
    lines.append("{\"assetId\":\"clip-x\",\"variants\":[\"thumb-jpeg\"],\"target\":{\"uri\":\"s3://media-out/renditions/\"}}\n");
    Files.writeString(file, lines);

    int code = run("--file", file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("122 requests from " + file + ": 120 accepted (120 jobs, 0 of them"
        + " deduplicated), 2 refused");
    assertThat(out.toString()).contains("line 122: not valid JSON", "line 123: HTTP 400 invalid_request source.uri (required)");
    assertThat(err.toString().lines().filter(l -> l.startsWith("["))).hasSize(2)
        .last().asString().contains("122/122 requests, 120 accepted, 2 refused");
    assertThat(world.messages(world.normal)).hasSize(120);
  }

  @Test
  void withoutWhatToEnqueueItExplainsAndExitsTwo() {
    assertThat(run("--variant", "h264-720p")).isEqualTo(2);
    assertThat(err.toString()).contains("--source, at least one --variant and --target are required");
  }
}
