package dev.sluice.worker.adapter.ffmpeg;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, range-checked access to one preset's settings map, remembering which keys were read. A
 * key nobody read is an error: a setting the argument builder ignored would let two different
 * recipe digests produce the same bytes, or a digest promise something the output does not do.
 */
final class SettingsReader {
  private final String preset;
  private final Map<String, Object> settings;
  private final Set<String> read = new TreeSet<>();

  SettingsReader(String preset, Map<String, Object> settings) {
    this.preset = preset;
    this.settings = settings;
  }

  String text(String key, Set<String> allowed) {
    if (!(value(key) instanceof String s) || !allowed.contains(s)) {
      throw problem(key, "one of " + new TreeSet<>(allowed));
    }
    return s;
  }

  int integer(String key, int min, int max) {
    return optionalInteger(key, min, max).orElseThrow(() -> problem(key, integerRange(min, max)));
  }

  OptionalInt optionalInteger(String key, int min, int max) {
    if (!settings.containsKey(key)) {
      read.add(key);
      return OptionalInt.empty();
    }
    Object value = value(key);
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      if (n >= min && n <= max) {
        return OptionalInt.of((int) n);
      }
    }
    throw problem(key, integerRange(min, max));
  }

  double decimal(String key, double min, double max) {
    if (value(key) instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
      return n.doubleValue();
    }
    throw problem(key, "a number from " + min + " to " + max);
  }

  boolean flag(String key) {
    if (value(key) instanceof Boolean b) {
      return b;
    }
    throw problem(key, "true or false");
  }

  /** @throws IllegalArgumentException naming the keys no reader asked for */
  void requireAllRead() {
    Set<String> unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("preset '" + preset + "': settings " + unknown
          + " are not understood by the FFmpeg adapter for this kind of preset");
    }
  }

  IllegalArgumentException problem(String key, String expected) {
    return new IllegalArgumentException("preset '" + preset + "': setting '" + key + "' must be "
        + expected + ", but it is " + (settings.containsKey(key) ? settings.get(key) : "missing"));
  }

  private Object value(String key) {
    read.add(key);
    return settings.get(key);
  }

  private static String integerRange(int min, int max) {
    return "a whole number from " + min + " to " + max;
  }
}
