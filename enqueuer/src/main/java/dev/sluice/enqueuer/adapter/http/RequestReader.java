package dev.sluice.enqueuer.adapter.http;

import static dev.sluice.enqueuer.domain.RequestProblem.RULE_DUPLICATE_KEY;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_JSON;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_TYPE;
import static dev.sluice.enqueuer.domain.RequestProblem.RULE_UNKNOWN_FIELD;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.enqueuer.domain.RawJobRequest;
import dev.sluice.enqueuer.domain.RequestProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON shape of a job request: one object, no duplicate keys, no unknown members, and
 * every member of its one JSON type ({@code null} is never a value). The field rules proper are
 * the domain's ({@code JobRequestRules}); this class only refuses what is not even the right
 * shape, with the same {@link RequestProblem} answer.
 */
final class RequestReader {
  private static final Set<String> TOP = Set.of("assetId", "tenant", "source", "variants",
      "target", "priority");
  private static final Set<String> SOURCE = Set.of("uri", "sha256");
  private static final Set<String> TARGET = Set.of("uri");

  private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /** Thrown inside this package to carry the first shape problem out of nested reads. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final transient RequestProblem problem;

    Malformed(String field, String rule, String message) {
      super(message, null, false, false);
      this.problem = new RequestProblem(field, rule, message);
    }
  }

  /** The parsed body: one JSON value, nothing after it. */
  JsonNode tree(byte[] body) throws Malformed {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new Malformed("$", RULE_JSON, "The body is empty; expected a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      boolean duplicate = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
      throw new Malformed("$", duplicate ? RULE_DUPLICATE_KEY : RULE_JSON, (duplicate
          ? "The body repeats a member: " : "The body is not valid JSON: ") + e.getOriginalMessage() + ".");
    } catch (IOException e) {
      throw new Malformed("$", RULE_JSON, "The body could not be read: " + e.getMessage() + ".");
    }
  }

  /** The request in {@code node}, a job request object. */
  RawJobRequest job(JsonNode node) throws Malformed {
    object(node, "$", "the body");
    known(node, "", TOP);
    JsonNode source = optionalObject(node, "source");
    JsonNode target = optionalObject(node, "target");
    known(source, "source.", SOURCE);
    known(target, "target.", TARGET);
    return new RawJobRequest(text(node, "", "assetId"), text(node, "", "tenant"),
        text(source, "source.", "uri"), text(source, "source.", "sha256"),
        variants(node), text(target, "target.", "uri"), text(node, "", "priority"));
  }

  static void object(JsonNode node, String field, String what) throws Malformed {
    if (!node.isObject()) {
      throw new Malformed(field, RULE_TYPE, what + " must be a JSON object, but it is "
          + describe(node) + ".");
    }
  }

  static void known(JsonNode node, String prefix, Set<String> names) throws Malformed {
    if (node == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new Malformed(prefix + name, RULE_UNKNOWN_FIELD, "The member " + prefix + name
            + " is not part of a job request; expected only " + String.join(", ",
            names.stream().sorted().map(n -> prefix + n).toList()) + ".");
      }
    }
  }

  private static JsonNode optionalObject(JsonNode parent, String name) throws Malformed {
    JsonNode node = member(parent, "", name);
    if (node != null) {
      object(node, name, name);
    }
    return node;
  }

  private static String text(JsonNode parent, String prefix, String name) throws Malformed {
    JsonNode node = member(parent, prefix, name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw new Malformed(prefix + name, RULE_TYPE, prefix + name + " must be a JSON string, but it"
          + " is " + describe(node) + ".");
    }
    return node.textValue();
  }

  private static List<String> variants(JsonNode parent) throws Malformed {
    JsonNode node = member(parent, "", "variants");
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw new Malformed("variants", RULE_TYPE, "variants must be a JSON array of preset names,"
          + " but it is " + describe(node) + ".");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new Malformed("variants[" + i + "]", RULE_TYPE, "variants[" + i + "] must be a JSON"
            + " string, but it is " + describe(node.get(i)) + ".");
      }
      out.add(node.get(i).textValue());
    }
    return out;
  }

  /** The member, or null when absent; an explicit JSON null is refused. */
  private static JsonNode member(JsonNode parent, String prefix, String name) throws Malformed {
    JsonNode node = parent == null ? null : parent.get(name);
    if (node != null && node.isNull()) {
      throw new Malformed(prefix + name, RULE_TYPE, prefix + name + " must not be null; leave an"
          + " optional member out instead.");
    }
    return node;
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      case NULL -> "null";
      default -> "not a JSON value";
    };
  }
}
