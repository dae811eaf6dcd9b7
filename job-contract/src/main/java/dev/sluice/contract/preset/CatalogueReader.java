package dev.sluice.contract.preset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.contract.domain.Job;
import dev.sluice.contract.domain.OutputKeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a catalogue file. Every fault is fatal at load, with the entry and the rule
 * in the message: a catalogue that loads is one where every name, extension and resource class is
 * usable, and every recipe digest is over exactly the bytes the file declares.
 */
final class CatalogueReader {
  static final int SUPPORTED_VERSION = 1;
  private static final Set<String> TOP_FIELDS = Set.of("version", "presets");
  private static final Set<String> PRESET_FIELDS =
      Set.of("name", "extension", "resourceClass", "settings");

  private final ObjectMapper mapper;
  private final CanonicalJson canonical;

  CatalogueReader() {
    // Duplicate keys would make "the" value, and with it the digest, depend on the parser.
    JsonFactory factory = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.canonical = new CanonicalJson(mapper);
  }

  /** The presets in file order, keyed by name. */
  Map<String, Preset> read(InputStream in) {
    JsonNode root = parse(in);
    onlyKnown(root, TOP_FIELDS, "the catalogue");
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != SUPPORTED_VERSION) {
      throw fault("version must be " + SUPPORTED_VERSION + ", but it is " + version);
    }
    JsonNode entries = root.get("presets");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw fault("presets must be a non-empty array");
    }
    Map<String, Preset> byName = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Preset preset = preset(entries.get(i), "presets[" + i + "]");
      if (byName.putIfAbsent(preset.name(), preset) != null) {
        throw fault("preset name '" + preset.name() + "' appears more than once");
      }
    }
    return byName;
  }

  private JsonNode parse(InputStream in) {
    if (in == null) {
      throw fault("the catalogue resource was not found");
    }
    try (in) {
      JsonNode root = mapper.readTree(in);
      if (root == null || !root.isObject()) {
        throw fault("the catalogue must be a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new IllegalStateException(
          "preset catalogue: not readable as JSON: " + e.getMessage(), e);
    }
  }

  private Preset preset(JsonNode entry, String where) {
    if (!entry.isObject()) {
      throw fault(where + " must be a JSON object");
    }
    onlyKnown(entry, PRESET_FIELDS, where);
    String name = text(entry, "name", where);
    if (!Job.VARIANT_FORM.matcher(name).matches()) {
      throw fault(where + ": name '" + name + "' must be a-z or 0-9, then up to 63 of a-z 0-9 -");
    }
    where = where + " (" + name + ")";
    String extension = text(entry, "extension", where);
    if (!OutputKeys.EXTENSION.matcher(extension).matches()) {
      throw fault(where + ": extension '" + extension + "' must be 1 to 8 of a-z 0-9, no dot");
    }
    ResourceClass resourceClass = resourceClass(text(entry, "resourceClass", where), where);
    JsonNode settings = entry.get("settings");
    if (settings == null || !settings.isObject()) {
      throw fault(where + ": settings must be a JSON object");
    }
    String form = canonical.of(entry);
    return new Preset(name, extension, resourceClass, map(settings, where + ": settings"), form,
        CanonicalJson.digest(form));
  }

  private static ResourceClass resourceClass(String wire, String where) {
    for (ResourceClass rc : ResourceClass.values()) {
      if (rc.name().toLowerCase(Locale.ROOT).equals(wire)) {
        return rc;
      }
    }
    throw fault(where + ": resourceClass '" + wire + "' is not one of cpu, gpu");
  }

  private static Map<String, Object> map(JsonNode object, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      out.put(e.getKey(), value(e.getValue(), where + "." + e.getKey()));
    }
    return Map.copyOf(out);
  }

  private static Object value(JsonNode node, String where) {
    return switch (node.getNodeType()) {
      case STRING -> node.textValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      case OBJECT -> map(node, where);
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        node.forEach(element -> list.add(value(element, where + "[]")));
        yield List.copyOf(list);
      }
      default -> throw fault(where + " is " + node.getNodeType().name().toLowerCase(Locale.ROOT)
          + "; a setting is a string, number, boolean, object or array");
    };
  }

  private static String text(JsonNode entry, String field, String where) {
    JsonNode node = entry.get(field);
    if (node == null || !node.isTextual()) {
      throw fault(where + ": " + field + " must be a JSON string");
    }
    return node.textValue();
  }

  private static void onlyKnown(JsonNode object, Set<String> known, String where) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw fault(where + " has an unknown field '" + name + "'");
      }
    }
  }

  private static IllegalStateException fault(String message) {
    return new IllegalStateException("preset catalogue: " + message);
  }
}
