package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.queue.port.DeadLetter;
import dev.sluice.queue.port.FaultKind;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.ReceiptHandle;
import dev.sluice.queue.port.ReceivedMessage;
import dev.sluice.queue.port.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The adapter against a loopback HTTP server that answers SQS's JSON protocol from a script: the
 * replies no local SQS gives on demand (rejected credentials, query-compatible error codes, a
 * message over the size limit, a batch reply missing an entry) and an exact look at what is sent.
 */
class SqsScriptedServerTest {
  private static final String SECRET = "secret-that-must-never-be-printed";
  private static final String JSON = "application/x-amz-json-1.0";

  /** One scripted reply. */
  record Reply(int status, String body, Map<String, String> headers) {
    static Reply ok(String body) {
      return new Reply(200, body, Map.of());
    }

    static Reply error(int status, String type, String message, String queryError) {
      String body = "{\"__type\":\"com.amazonaws.sqs#" + type + "\",\"message\":\"" + message + "\"}";
      return new Reply(status, body, queryError == null ? Map.of() : Map.of("x-amzn-query-error", queryError));
    }
  }

  /** A request as received: the operation (from X-Amz-Target) and its JSON body. */
  record Request(String operation, String body) {}

  private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Instant now = Instant.parse("2026-03-01T12:00:00Z");
  private HttpServer server;
  private SqsClient sqs;
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    url = endpoint + "/123456789012/work";
    sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET)))
        .httpClient(ApacheHttpClient.create())
        .checksumValidationEnabled(false) // the script does not compute MD5s of bodies
        .build();
  }

  @AfterEach
  void stop() {
    sqs.close();
    server.stop(0);
  }

  private void when(String operation, Reply... replies) {
    script.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(List.of(replies));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    String operation = target.substring(target.indexOf('.') + 1);
    requests.add(new Request(operation, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Deque<Reply> queued = script.getOrDefault(operation, new ArrayDeque<>());
    Reply reply = queued.isEmpty() ? Reply.error(400, "UnscriptedCall", operation, null) : queued.poll();
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", JSON);
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(reply.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private List<Request> sent(String operation) {
    return requests.stream().filter(r -> r.operation().equals(operation)).toList();
  }

  private SqsJobQueue adapter() {
    var facts = new SqsQueueFacts(new QueueRef(url, "work"), "arn:aws:sqs:eu-west-1:123456789012:work",
        Duration.ofSeconds(30), new QueueRef(url + "-dlq", "work-dlq"), 5);
    return new SqsJobQueue(sqs, () -> now, List.of(facts));
  }

  @Test
  void bootCheckFindsTheDeadLetterQueueByNameAndOwnerAccount() {
    when("GetQueueAttributes", Reply.ok("{\"Attributes\":{\"QueueArn\":\"arn:aws:sqs:eu-west-1:123456789012:work\","
        + "\"VisibilityTimeout\":\"120\",\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":"
        + "\\\"arn:aws:sqs:eu-west-1:210987654321:work-dlq\\\",\\\"maxReceiveCount\\\":5}\"}}"));
    when("GetQueueUrl", Reply.ok("{\"QueueUrl\":\"https://sqs.eu-west-1.amazonaws.com/210987654321/work-dlq\"}"));

    var facts = SqsJobQueue.connect(sqs, () -> now, List.of(url)).facts().values().iterator().next();

    assertThat(facts.queue()).isEqualTo(new QueueRef(url, "work"));
    assertThat(facts.visibilityTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(facts.maxReceiveCount()).isEqualTo(5);
    assertThat(facts.deadLetterQueue())
        .isEqualTo(new QueueRef("https://sqs.eu-west-1.amazonaws.com/210987654321/work-dlq", "work-dlq"));
    assertThat(sent("GetQueueUrl")).singleElement().extracting(Request::body).asString()
        .contains("\"QueueName\":\"work-dlq\"").contains("\"QueueOwnerAWSAccountId\":\"210987654321\"");
  }

  @Test
  void rejectedCredentialsStopTheBootCheckWithoutEchoingTheSecret() {
    when("GetQueueAttributes", Reply.error(403, "InvalidClientTokenId",
        "The security token included in the request is invalid.", "InvalidClientTokenId;Sender"));
    assertThatThrownBy(() -> SqsJobQueue.connect(sqs, () -> now, List.of(url)))
        .isInstanceOf(SqsSetupException.class)
        .hasMessageStartingWith("credentials rejected by SQS while checking queue " + url)
        .hasMessageContaining("InvalidClientTokenId")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void queryCompatibleMissingQueueCodeIsNamedInTheBootFailure() {
    when("GetQueueAttributes", Reply.error(400, "QueueDoesNotExist", "The specified queue does not exist.",
        "AWS.SimpleQueueService.NonExistentQueue;Sender"));
    assertThatThrownBy(() -> SqsJobQueue.connect(sqs, () -> now, List.of(url)))
        .isInstanceOf(SqsSetupException.class)
        .hasMessageStartingWith("queue " + url + " does not exist (AWS.SimpleQueueService.NonExistentQueue")
        .hasMessageContaining("fix SLUICE_QUEUES");
  }

  @Test
  void receiveClampsItsArgumentsAndKeepsOnlyStringAttributes() {
    when("ReceiveMessage", Reply.ok("{\"Messages\":[{\"MessageId\":\"m1\",\"ReceiptHandle\":\"rh1\",\"Body\":\"b\","
        + "\"Attributes\":{\"ApproximateReceiveCount\":\"4\"},\"MessageAttributes\":{"
        + "\"traceparent\":{\"DataType\":\"String\",\"StringValue\":\"tp\"},"
        + "\"blob\":{\"DataType\":\"Binary\",\"BinaryValue\":\"AAE=\"}}}]}"));

    var got = adapter().receive(new QueueRef(url, "work"), 50, Duration.ofSeconds(25), Duration.ofHours(13));

    assertThat(got).isInstanceOf(Result.Ok.class);
    assertThat(((Result.Ok<List<ReceivedMessage>>) got).value()).singleElement().satisfies(m -> {
      assertThat(m.receiveCount()).isEqualTo(4);
      assertThat(m.attributes()).isEqualTo(Map.of("traceparent", "tp"));
      assertThat(m.receivedAt()).isEqualTo(now);
      assertThat(m.receiptHandle()).isEqualTo(new ReceiptHandle("rh1"));
    });
    assertThat(sent("ReceiveMessage")).singleElement().extracting(Request::body).asString()
        .contains("\"MaxNumberOfMessages\":10").contains("\"WaitTimeSeconds\":20")
        .contains("\"VisibilityTimeout\":43200")
        .contains("\"MessageSystemAttributeNames\":[\"ApproximateReceiveCount\"]")
        .contains("\"MessageAttributeNames\":[\"All\"]");
  }

  @Test
  void aDeadLetterTooLargeIsSentOnceMoreWithTheReasonCut() {
    when("SendMessage",
        Reply.error(400, "InvalidParameterValue",
            "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.", null),
        Reply.ok("{\"MessageId\":\"dl-2\"}"));
    var letter = new DeadLetter("{raw}", "TAMPERED", "r".repeat(1000), 3, Optional.empty(), Optional.empty(),
        Optional.of("job-9"));

    assertThat(adapter().deadLetter(new QueueRef(url, "work"), letter)).isEqualTo(Result.ok("dl-2"));

    var sends = sent("SendMessage");
    assertThat(sends).hasSize(2).allSatisfy(r -> assertThat(r.body()).contains("\"QueueUrl\":\"" + url + "-dlq\""));
    assertThat(sends.get(0).body()).contains("r".repeat(1000));
    assertThat(sends.get(1).body()).contains("\"" + "r".repeat(256) + "\"").doesNotContain("r".repeat(257))
        .contains("job-9");
  }

  @Test
  void aDeadLetterWithAShortReasonIsNotRetried() {
    when("SendMessage", Reply.error(400, "InvalidParameterValue", "Message must be shorter than 262144 bytes.",
        null));
    var letter = new DeadLetter("{raw}", "TAMPERED", "short", 3, Optional.empty(), Optional.empty(),
        Optional.empty());
    assertThat(adapter().deadLetter(new QueueRef(url, "work"), letter))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.REJECTED));
    assertThat(sent("SendMessage")).hasSize(1);
  }

  @Test
  void aBatchEntryTheReplyLeavesOutCountsAsFailed() {
    when("DeleteMessageBatch", Reply.ok("{\"Successful\":[{\"Id\":\"0\"}],\"Failed\":[]}"));
    var first = new ReceiptHandle("rh-0");
    var second = new ReceiptHandle("rh-1");
    var r = adapter().ack(new QueueRef(url, "work"), List.of(first, second, first));
    assertThat(r.succeeded()).containsExactly(first);
    assertThat(r.failed()).containsOnlyKeys(second);
    assertThat(r.failed().get(second).kind()).isEqualTo(FaultKind.SERVER_ERROR);
    assertThat(sent("DeleteMessageBatch")).singleElement().extracting(Request::body).asString()
        .contains("\"Id\":\"0\"").contains("\"Id\":\"1\"").doesNotContain("\"Id\":\"2\"");
  }

  @Test
  void enqueueDropsEmptyAttributesAndRefusesMoreThanTen() {
    when("SendMessage", Reply.ok("{\"MessageId\":\"m-1\"}"));
    var q = new QueueRef(url, "work");
    HashMap<String, String> attributes = new HashMap<>(Map.of("traceparent", "tp", "tracestate", ""));
    attributes.put("baggage", null);
    assertThat(adapter().enqueue(q, "{}", attributes)).isEqualTo(Result.ok("m-1"));
    assertThat(sent("SendMessage")).singleElement().extracting(Request::body).asString()
        .contains("traceparent").doesNotContain("tracestate").doesNotContain("baggage");

    var eleven = new HashMap<String, String>();
    for (int i = 0; i < 11; i++) {
      eleven.put("a" + i, "v");
    }
    assertThat(adapter().enqueue(q, "{}", eleven))
        .isInstanceOfSatisfying(Result.Err.class, e -> assertThat(e.fault().kind()).isEqualTo(FaultKind.REJECTED));
    assertThat(sent("SendMessage")).hasSize(1);
  }

  /** The worker's shutdown interrupts pollers: the SDK aborts the call and keeps the flag set. */
  @Test
  void anInterruptedCallAnswersAFaultAndLeavesTheThreadInterrupted() {
    when("ReceiveMessage", Reply.ok("{\"Messages\":[]}"));
    var q = new QueueRef(url, "work");
    Thread.currentThread().interrupt();
    try {
      var r = adapter().receive(q, 10, Duration.ZERO, Duration.ofSeconds(30));
      assertThat(r).isInstanceOfSatisfying(Result.Err.class,
          e -> assertThat(e.fault().detail()).contains("AbortedException"));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(adapter().ack(q, List.of(new ReceiptHandle("rh"))).failed()).hasSize(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
