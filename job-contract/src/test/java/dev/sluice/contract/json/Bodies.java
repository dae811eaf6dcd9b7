package dev.sluice.contract.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Message bodies for codec tests: one valid canonical body and ways to break it one field at a time. */
final class Bodies {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String SOURCE_SHA = "a813fb7145c4e3496a5fae47e683d263217ff4ccd96eb2b03a5315f498c2e265";
  static final String RECIPE = "fff10ea7d3d79cb5d34550f1a4a4569aa0b5e223ba519335a5acfb7c247c3740";

  /** Canonical: contract field order, compact, as {@link JobCodec#encode} writes it. */
  static final String VALID = "{\"v\":1,"
      + "\"jobId\":\"0f5c6a1e-3b7d-4c2a-9e8f-1a2b3c4d5e6f\","
      + "\"assetId\":\"asset-42\","
      + "\"tenant\":\"acme\","
      + "\"source\":{\"uri\":\"s3://sluice-ingest/uploads/2026/11/clip.mov\","
      + "\"sha256\":\"" + SOURCE_SHA + "\",\"size\":73400320},"
      + "\"variant\":\"h264-720p\","
      + "\"recipeDigest\":\"" + RECIPE + "\","
      + "\"target\":{\"uri\":\"s3://sluice-renditions/acme/\"},"
      + "\"priority\":\"high\","
      + "\"enqueuedAt\":\"2026-11-23T18:00:00Z\"}";

  private Bodies() {}

  static ObjectNode valid() {
    try {
      return (ObjectNode) JSON.readTree(VALID);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The valid body with the member at dotted {@code path} set to {@code value} (any JSON-able). */
  static byte[] with(String path, Object value) {
    ObjectNode body = valid();
    parentOf(body, path).set(leaf(path), JSON.valueToTree(value));
    return bytes(body);
  }

  /** The valid body with a member whose JSON text is exactly {@code rawJson}. */
  static byte[] withRaw(String path, String rawJson) {
    try {
      ObjectNode body = valid();
      parentOf(body, path).set(leaf(path), JSON.readTree(rawJson));
      return bytes(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] without(String path) {
    ObjectNode body = valid();
    parentOf(body, path).remove(leaf(path));
    return bytes(body);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode parentOf(ObjectNode body, String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? body : (ObjectNode) body.get(path.substring(0, dot));
  }

  private static String leaf(String path) {
    return path.substring(path.indexOf('.') + 1);
  }
}
