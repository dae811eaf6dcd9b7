package dev.sluice.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.policy.domain.Rules;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's failures into what an operator editing the rules file needs: the key path
 * ({@code media.maxPixels}, {@code allow.sources[2]}) and what was expected there. Jackson's own
 * messages name Java types and reference chains, which mean nothing to the file's author.
 */
final class RulesFileProblems {

  // Jackson names a missing or null key only in its message; some versions leave it off the path.
  private static final Pattern CREATOR_PROPERTY =
      Pattern.compile("^(Missing|Null value for)(?: required)? creator property '([^']+)'");

  private RulesFileProblems() {}

  /**
   * What is wrong with the file's shape, checked before mapping: a future format is refused for
   * its version rather than its new keys, and a misspelt key is named itself rather than the key
   * it left missing (Jackson reports the missing one first).
   */
  static Optional<String> shapeProblem(JsonNode root) {
    return versionProblem(root).or(() -> unknownKey(root, Rules.class, ""));
  }

  private static Optional<String> versionProblem(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Optional.of("the file is empty");
    }
    if (!root.isObject()) {
      return Optional.of("the top level must be a mapping of keys");
    }
    JsonNode version = root.get("version");
    if (version == null) {
      return Optional.of("key 'version' is missing; expected " + Rules.CURRENT_VERSION);
    }
    if (!version.isInt() || version.intValue() != Rules.CURRENT_VERSION) {
      return Optional.of("key 'version' is " + version + "; this build reads only version "
          + Rules.CURRENT_VERSION);
    }
    return Optional.empty();
  }

  private static Optional<String> unknownKey(JsonNode node, Class<?> type, String path) {
    if (!type.isRecord() || !node.isObject()) {
      return Optional.empty();
    }
    Map<String, Class<?>> components = new TreeMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      components.put(component.getName(), component.getType());
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      Class<?> componentType = components.get(field.getKey());
      if (componentType == null) {
        return Optional.of("unknown key '" + key + "'; expected one of " + components.keySet());
      }
      Optional<String> nested = unknownKey(field.getValue(), componentType, key);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  static String describe(JacksonException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return "syntax error: " + e.getOriginalMessage() + where(e.getLocation());
    }
    String path = path(mapping);
    return switch (mapping) {
      case UnrecognizedPropertyException unknown -> "unknown key '" + path + "'; expected one of "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      // The rules' own messages already name the full key.
      case ValueInstantiationException bad -> causeOf(bad);
      case InvalidNullException nul -> "key '" + path + "' is empty (null); expected a value";
      case InvalidFormatException format when format.getTargetType() == ObjectRef.class ->
          "key '" + path + "': " + format.getOriginalMessage();
      case InvalidFormatException format -> "key '" + path + "' is '" + format.getValue()
          + "'; expected " + expected(format.getTargetType());
      case MismatchedInputException mismatch -> mismatch(path, mismatch);
      default -> "key '" + path + "': " + mapping.getOriginalMessage();
    };
  }

  private static String mismatch(String path, MismatchedInputException e) {
    if (e.getOriginalMessage().startsWith("Trailing token")) {
      return "there is more after the rules (a second document or value)";
    }
    Matcher creator = CREATOR_PROPERTY.matcher(e.getOriginalMessage());
    if (creator.find()) {
      String name = creator.group(2);
      String key = path.equals(name) || path.endsWith("." + name) ? path
          : path.isEmpty() ? name : path + "." + name;
      return creator.group(1).startsWith("Missing")
          ? "key '" + key + "' is missing"
          : "key '" + key + "' is empty (null); expected a value";
    }
    return "key '" + path + "' has the wrong kind of value; expected "
        + expected(e.getTargetType());
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a different kind of value";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == ObjectRef.class) {
      return "an s3://bucket/prefix URI";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys";
    }
    return "a " + type.getSimpleName();
  }

  private static String causeOf(ValueInstantiationException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
