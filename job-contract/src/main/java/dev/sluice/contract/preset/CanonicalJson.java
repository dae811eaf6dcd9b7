package dev.sluice.contract.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical spelling of a catalogue entry, the bytes its recipe digest is taken over: compact
 * JSON with object keys sorted by UTF-16 code unit at every depth, arrays in their given order.
 * Reformatting the catalogue file or reordering keys in it therefore never changes a digest;
 * only a change to a value, a key or an array order does, and that is a new recipe.
 */
final class CanonicalJson {
  private final ObjectMapper mapper;

  CanonicalJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  String of(JsonNode node) {
    try {
      return mapper.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree failed to serialise", e);
    }
  }

  static Sha256 digest(String canonical) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return Sha256.of(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(null);
      ObjectNode out = mapper.createObjectNode();
      names.forEach(name -> out.set(name, sorted(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = mapper.createArrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }
}
