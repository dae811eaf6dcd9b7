package dev.sluice.localstack.enqueuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.enqueuer.wiring.EnqueueCommand;
import dev.sluice.enqueuer.wiring.SdkClients;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.localstack.StackExtension;
import dev.sluice.queue.adapter.aws.AwsClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice enqueue} on ElasticMQ and S3Mock: through the API, and {@code --direct}. */
@ExtendWith(StackExtension.class)
@Timeout(120)
class EnqueueCliTest {
  @TempDir Path dir;
  EnqueuerWorld world;
  String source;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp(EmbeddedStack stack) throws Exception {
    world = new EnqueuerWorld(stack, dir);
    byte[] bytes = new byte[30_000];
    new Random(5).nextBytes(bytes);
    source = world.upload("clip.mp4", bytes, true);
  }

  @AfterEach
  void stop() throws Exception {
    world.close();
  }

  int run(EnqueueCommand command, String... args) {
    return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void throughTheApiItPrintsTheJobsAndTheTraceId() {
    EnqueuerWorld.Api api = world.start();
    int code = run(new EnqueueCommand(Map.of()), "--api", api.base.toString(), "--token", EnqueuerWorld.TOKEN,
        "--source", source, "--variant", "h264-360p", "--variant", "thumb-jpeg",
        "--target", "s3://" + world.outputBucket + "/renditions/", "--tenant", "acme");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("job [0-9a-f-]{36} h264-360p s3://" + world.outputBucket
        + "/renditions/clip/h264-360p/[0-9a-f]{16}-[0-9a-f]{16}\\.mp4")
        .containsPattern("job [0-9a-f-]{36} thumb-jpeg ").containsPattern("trace [0-9a-f]{32}");
    assertThat(world.receive(2)).hasSize(2);
  }

  @Test
  void directlyItAdmitsAFileWithTheSameRulesAndNoServer() throws Exception {
    Path file = dir.resolve("jobs.jsonl");
    Files.writeString(file, world.request("a-1", source, "thumb-jpeg") + "\n"
        + world.request("quarantined-asset", source, "thumb-jpeg") + "\n"
        + world.request("a-2", source, "thumb-jpeg", "h264-360p") + "\n");
    EnqueueCommand direct = new EnqueueCommand(world.env(Map.of()),
        config -> SdkClients.of(AwsClients.local(world.stack.sqsEndpoint()), AwsClients.local(world.stack.s3Endpoint())));
    int code = run(direct, "--direct", "--file", file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("3 requests from " + file + ": 2 accepted (3 jobs, 0 of them deduplicated), 1 refused")
        .contains("line 2: HTTP 403 denied ASSET_DENIED");
    assertThat(world.receive(3)).hasSize(3);
  }
}
