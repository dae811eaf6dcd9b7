package dev.sluice.localstack.enqueuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.DecodeResult;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.json.JobCodec;
import dev.sluice.enqueuer.adapter.http.EnqueuerServer;
import dev.sluice.enqueuer.wiring.DaggerAwsEnqueuerComponent;
import dev.sluice.enqueuer.wiring.EnqueuerConfig;
import dev.sluice.enqueuer.wiring.EnqueuerTracing;
import dev.sluice.localstack.EmbeddedStack;
import dev.sluice.queue.adapter.aws.AwsClients;
import dev.sluice.queue.adapter.aws.RequestCounter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A real enqueuer — the production Dagger component, real SQS and S3 adapters, its Javalin server
 * on 127.0.0.1 — on the shared embedded stack, with its own queue and buckets so tests never see
 * each other's messages. Spans go to an in-memory exporter; S3 and SQS requests are counted.
 */
final class EnqueuerWorld implements AutoCloseable {
  static final String TOKEN = "enqueuer-test-token";

  final EmbeddedStack stack;
  final String id = UUID.randomUUID().toString().substring(0, 8);
  final String sourceBucket = "enq-src-" + id;
  final String outputBucket = "enq-out-" + id;
  final String stateBucket = "enq-state-" + id;
  final EmbeddedStack.QueuePair queue;
  final Path dir;
  final Path policyFile;
  final RequestCounter requests = new RequestCounter();
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Runnable> running = new ArrayList<>();

  EnqueuerWorld(EmbeddedStack stack, Path dir) throws IOException {
    this.stack = stack;
    this.dir = Files.createDirectories(dir);
    this.queue = stack.createQueueWithDlq("enq-" + id, 5, Duration.ofSeconds(30));
    stack.createBucket(sourceBucket);
    stack.createBucket(outputBucket);
    stack.createBucket(stateBucket);
    this.policyFile = dir.resolve("rules.yaml");
    Files.writeString(policyFile, """
        version: 1
        allow:
          sources: ["s3://%s/uploads/"]
          targets: ["s3://%s/renditions/"]
        deny:
          assetIds: ["quarantined-asset"]
          tenants: []
          sourcePrefixes: []
        variants:
          "*": ["h264-360p", "thumb-jpeg", "h264-720p"]
        maxSourceBytes: 1073741824
        media:
          maxDurationSeconds: 3600
          maxPixels: 8294400
          maxFramesPerSecond: 60
          allowedCodecs: []
        """.formatted(sourceBucket, outputBucket));
  }

  /** The environment of an enqueuer on this world, with {@code overrides} on top. */
  Map<String, String> env(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SLUICE_ENQUEUE_QUEUES", "normal=" + queue.url(),
        "SLUICE_POLICY_FILE", policyFile.toString(),
        "SLUICE_API_TOKENS", "other-token," + TOKEN,
        "SLUICE_DEDUP_BUCKET", stateBucket,
        "SLUICE_HTTP_HOST", "127.0.0.1",
        "SLUICE_HTTP_PORT", "0",
        "SLUICE_S3_PATH_STYLE", "true"));
    env.putAll(overrides);
    return env;
  }

  /** Starts an enqueuer server; it is stopped by {@link #close}. */
  Api start(Map<String, String> overrides) {
    OpenTelemetrySdk otel = EnqueuerTracing.sdk(SimpleSpanProcessor.create(spans));
    EnqueuerServer server = DaggerAwsEnqueuerComponent.builder()
        .config(EnqueuerConfig.from(env(overrides)))
        .sqs(AwsClients.local(stack.sqsEndpoint()).with(requests).sqs())
        .s3(AwsClients.local(stack.s3Endpoint()).with(requests).s3())
        .openTelemetry(otel)
        .build().server().start();
    running.add(otel::close);
    running.add(server::close);
    return new Api(URI.create("http://127.0.0.1:" + server.port()));
  }

  Api start() {
    return start(Map.of());
  }

  /** Uploads {@code bytes} to {@code uploads/<name>}, with S3's SHA-256 checksum when asked. */
  String upload(String name, byte[] bytes, boolean sha256Checksum) {
    stack.s3().putObject(b -> {
      b.bucket(sourceBucket).key("uploads/" + name);
      if (sha256Checksum) {
        b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
      }
    }, RequestBody.fromBytes(bytes));
    return "s3://" + sourceBucket + "/uploads/" + name;
  }

  /** A {@code POST /v1/jobs} body. */
  String request(String assetId, String sourceUri, String... variants) {
    ObjectNode body = json.createObjectNode().put("assetId", assetId);
    body.putObject("source").put("uri", sourceUri);
    List.of(variants).forEach(body.putArray("variants")::add);
    body.putObject("target").put("uri", "s3://" + outputBucket + "/renditions/");
    return body.toString();
  }

  /** Receives up to {@code max} messages from the work queue (they stay in flight for 30 s). */
  List<Message> receive(int max) {
    List<Message> out = new ArrayList<>();
    for (int round = 0; round < 20 && out.size() < max; round++) {
      List<Message> got = stack.sqs().receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10)
          .messageAttributeNames("All").waitTimeSeconds(out.isEmpty() ? 2 : 0)).messages();
      if (got.isEmpty() && !out.isEmpty()) {
        break;
      }
      out.addAll(got);
    }
    return out;
  }

  static Job decode(Message message) {
    DecodeResult result = new JobCodec().decode(message.body().getBytes(StandardCharsets.UTF_8));
    if (result instanceof DecodeResult.Decoded decoded) {
      return decoded.job();
    }
    throw new AssertionError("the worker would refuse " + message.body() + ": " + result);
  }

  long count(String operationSuffix) {
    return requests.snapshot().entrySet().stream().filter(e -> e.getKey().endsWith("." + operationSuffix))
        .mapToLong(Map.Entry::getValue).sum();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    running.reversed().forEach(Runnable::run);
  }

  /** A response as the tests read it. */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  /** The API of one running enqueuer, over real HTTP. */
  final class Api {
    final URI base;

    Api(URI base) {
      this.base = base;
    }

    Reply post(String route, String body) throws IOException, InterruptedException {
      return post(route, body, Map.of("Authorization", "Bearer " + TOKEN));
    }

    Reply post(String route, String body, Map<String, String> headers) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(route))
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(b::header);
      return send(b.build());
    }

    Reply get(String route) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(base.resolve(route)).GET().build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body;
      try {
        body = json.readTree(response.body());
      } catch (IOException notJson) {
        body = json.getNodeFactory().textNode(response.body());
      }
      return new Reply(response.statusCode(), body, response);
    }
  }
}
