package dev.sluice.enqueuer.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.enqueuer.adapter.http.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code sluice enqueue}: asks the enqueuer to admit one request (from flags) or many (a JSON
 * Lines file), over its HTTP API or, with {@code --direct}, by running the same admission code
 * in-process against the queues and buckets of the {@code SLUICE_*} environment. Exit codes: 0
 * all admitted, 1 something refused, 2 bad usage or configuration.
 */
@Command(name = "enqueue", mixinStandardHelpOptions = true,
    description = "Enqueue transcode jobs through the enqueuer API (or --direct).",
    footer = {"", "Examples:",
        "  sluice enqueue --source s3://media-in/uploads/clip.mov --variant h264-720p \\",
        "      --variant thumb-jpeg --target s3://media-out/renditions/ --asset clip-42",
        "  sluice enqueue --file jobs.jsonl      (one POST /v1/jobs body per line)",
        "", "Environment: SLUICE_API_URL, SLUICE_API_TOKEN; with --direct the enqueuer's SLUICE_* keys."})
public final class EnqueueCommand implements Callable<Integer> {
  @Option(names = "--source", description = "s3://bucket/key of the source object") String source;
  @Option(names = "--variant", description = "a preset name; repeat for several") List<String> variants = new ArrayList<>();
  @Option(names = "--target", description = "s3://bucket/prefix/ for the renditions") String target;
  @Option(names = "--asset", description = "asset id (default: the source file name without extension)") String asset;
  @Option(names = "--tenant", description = "the tenant that owns the asset") String tenant;
  @Option(names = "--sha256", description = "the source's SHA-256, if known") String sha256;
  @Option(names = "--priority", description = "high, normal or low") String priority;
  @Option(names = "--file", description = "a JSON Lines file of job requests") Path file;
  @Option(names = "--api", defaultValue = "${env:SLUICE_API_URL:-http://127.0.0.1:8080}",
      description = "the enqueuer API (default ${DEFAULT-VALUE})") URI api;
  @Option(names = "--token", defaultValue = "${env:SLUICE_API_TOKEN}",
      description = "bearer token (default: $SLUICE_API_TOKEN)") String token;
  @Option(names = "--direct", description = "admit in-process, straight to SQS (no API server)") boolean direct;
  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final Function<EnqueuerConfig, SdkClients> clients;

  public EnqueueCommand() {
    this(System.getenv());
  }

  public EnqueueCommand(Map<String, String> env) {
    this(env, SdkClients::standard);
  }

  /** With {@code --direct}, reaches SQS and S3 through {@code clients} (e.g. a local stack). */
  public EnqueueCommand(Map<String, String> env, Function<EnqueuerConfig, SdkClients> clients) {
    this.env = env;
    this.clients = clients;
  }

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    String usage = usageProblem();
    if (usage != null) {
      err.println("sluice enqueue: " + usage);
      return 2;
    }
    try (ApiTransport transport = transport()) {
      PatientPost post = new PatientPost(transport, err);
      if (file != null) {
        return new FileEnqueue(post, out, err, System.console() != null).run(file);
      }
      ObjectMapper mapper = new ObjectMapper();
      return new AnswerPrinter(out, err).single(post.post(ApiTransport.SINGLE, mapper.writeValueAsBytes(request(mapper))));
    } catch (IllegalArgumentException | IllegalStateException | SdkException e) {
      err.println("sluice enqueue: cannot start: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("sluice enqueue: " + (direct ? "" : "cannot reach " + api + ": ") + e);
      return 1;
    }
  }

  private String usageProblem() {
    if (file != null && (source != null || !variants.isEmpty() || target != null)) {
      return "use either --file or --source/--variant/--target, not both";
    }
    if (file == null && (source == null || variants.isEmpty() || target == null)) {
      return "--source, at least one --variant and --target are required (or --file)";
    }
    return null;
  }

  private ApiTransport transport() {
    if (direct) {
      return new DirectApi(env, clients);
    }
    ApiClient client = new ApiClient(api, token, Duration.ofSeconds(120));
    return client::post;
  }

  private ObjectNode request(ObjectMapper mapper) {
    ObjectNode body = mapper.createObjectNode().put("assetId", asset != null ? asset : assetFrom(source));
    if (tenant != null) {
      body.put("tenant", tenant);
    }
    ObjectNode src = body.putObject("source").put("uri", source);
    if (sha256 != null) {
      src.put("sha256", sha256);
    }
    variants.forEach(body.putArray("variants")::add);
    body.putObject("target").put("uri", target);
    if (priority != null) {
      body.put("priority", priority);
    }
    return body;
  }

  /** {@code s3://b/uploads/Clip 01.mov} gives {@code Clip-01}: a usable default asset id. */
  static String assetFrom(String sourceUri) {
    String name = sourceUri.substring(sourceUri.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-");
    return stem.length() > 128 ? stem.substring(0, 128) : stem;
  }
}
