package dev.sluice.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.contract.domain.DecodeResult.Rejected;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access to the members of a JSON object, addressed by their contract path. It keeps the
 * first rule broken and, once one is, answers {@code null} to every later read: a message is
 * judged by its first fault in contract order, and a poison message is a value, never an
 * exception.
 */
final class FieldReader {
  private static final int QUOTE_LIMIT = 64;

  private Rejected first;

  boolean failed() {
    return first != null;
  }

  Rejected rejection() {
    return first;
  }

  void reject(String path, String reason) {
    if (first == null) {
      first = new Rejected(path, reason);
    }
  }

  /** The member, or null when it is absent (rejected if required) or reading already failed. */
  JsonNode member(ObjectNode parent, String prefix, String name, boolean required) {
    if (failed() || parent == null) {
      return null;
    }
    JsonNode node = parent.get(name);
    if (node == null && required) {
      reject(prefix + name, prefix + name + " is required, but it is absent.");
    }
    return node;
  }

  ObjectNode object(ObjectNode parent, String prefix, String name) {
    JsonNode node = member(parent, prefix, name, true);
    if (node != null && !node.isObject()) {
      reject(prefix + name,
          prefix + name + " must be a JSON object, but it is " + describe(node) + ".");
      return null;
    }
    return (ObjectNode) node;
  }

  String text(ObjectNode parent, String prefix, String name, boolean required) {
    JsonNode node = member(parent, prefix, name, required);
    if (node != null && !node.isTextual()) {
      reject(prefix + name,
          prefix + name + " must be a JSON string, but it is " + describe(node) + ".");
      return null;
    }
    return node == null ? null : node.textValue();
  }

  /** The text member when it matches {@code form}; {@code rule} completes "{path} must be ...". */
  String matching(ObjectNode parent, String prefix, String name, boolean required, Pattern form,
      String rule) {
    String value = text(parent, prefix, name, required);
    if (value != null && !form.matcher(value).matches()) {
      reject(prefix + name, prefix + name + " must be " + rule + ", but got " + quote(value) + ".");
      return null;
    }
    return value;
  }

  /** {@code value} parsed by a domain constructor whose refusal becomes this path's rejection. */
  <T> T parsed(String path, String value, Function<String, T> parse) {
    if (value == null || failed()) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException | DateTimeException e) {
      // A parse exception repeats the text; its cause says what is wrong with it.
      Throwable why =
          e instanceof DateTimeParseException && e.getCause() != null ? e.getCause() : e;
      reject(path, path + " " + quote(value) + " is not acceptable: " + why.getMessage() + ".");
      return null;
    }
  }

  /** Rejects the first member of {@code node} that the contract does not define. */
  void onlyKnown(ObjectNode node, String prefix, Set<String> known) {
    if (failed() || node == null) {
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String path = prefix + printable(name, QUOTE_LIMIT);
        reject(path, path + " is not a field of job contract version 1; unknown fields are refused"
            + " so that a misspelt or newer field is never silently ignored.");
        return;
      }
    }
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER ->
          node.isIntegralNumber() ? "an integer" : "a number with a fraction or exponent";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
    };
  }

  /** {@code value} in single quotes, shortened, with invisible characters made visible. */
  static String quote(String value) {
    return "'" + printable(value, QUOTE_LIMIT) + "'";
  }

  /**
   * Up to {@code limit} code points of {@code value}, control, format and surrogate characters
   * escaped, because reasons end up in logs and on dashboards and must not smuggle in a line break
   * or a right-to-left override.
   */
  static String printable(String value, int limit) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
      if (count++ == limit) {
        return out.append("...").toString();
      }
      int cp = value.codePointAt(i);
      int type = Character.getType(cp);
      if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
