package dev.sluice.enqueuer.adapter.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.enqueuer.domain.DedupMarker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored form of a dedup marker: a small JSON object a person can read with {@code aws s3 cp
 * ... -}, versioned by {@code v} so a later format can be told apart.
 */
final class MarkerJson {
  static final int VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper();

  byte[] encode(DedupMarker marker) {
    ObjectNode node = mapper.createObjectNode();
    node.put("v", VERSION);
    node.put("jobId", marker.jobId().toString());
    node.put("outputUri", marker.output().toUri());
    node.put("createdAt", marker.createdAt().toString());
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The marker, or empty when the bytes are not a marker of this version. */
  Optional<DedupMarker> decode(byte[] bytes) {
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node == null || node.path("v").asInt() != VERSION) {
        return Optional.empty();
      }
      return Optional.of(new DedupMarker(UUID.fromString(node.path("jobId").asText()),
          ObjectRef.parseS3Uri(node.path("outputUri").asText(), false),
          Instant.parse(node.path("createdAt").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
