package dev.sluice.enqueuer.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API seen from a client ({@code sluice enqueue}): POSTs a JSON body with the bearer token and
 * answers the status, the JSON body and Retry-After, exactly as the server produced them. A body
 * that is not JSON (a proxy's error page) is wrapped as {@code {"error": "not_json"}}.
 */
public final class ApiClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private final URI base;
  private final String token;
  private final Duration timeout;

  public ApiClient(URI base, String token, Duration timeout) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    this.token = token;
    this.timeout = timeout;
  }

  /** POSTs {@code body} to {@code route} (e.g. {@code /v1/jobs}). */
  public ApiResponse post(String route, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(route.substring(1)))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null && !token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().firstValue("Retry-After").ifPresent(v -> headers.put("Retry-After", v));
    return new ApiResponse(response.statusCode(), json(response.body()), headers);
  }

  private ObjectNode json(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException notJson) {
      // fall through: describe what came back instead
    }
    return mapper.createObjectNode().put("error", "not_json")
        .put("message", new String(body, java.nio.charset.StandardCharsets.UTF_8));
  }
}
