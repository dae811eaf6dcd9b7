package dev.sluice.worker.wiring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a flat key/value source (the environment, a file, flags), so a bad
 * value fails at boot with its key, the value given and what was expected.
 */
public final class ConfigValues {
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final Map<String, String> values;

  public ConfigValues(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public Optional<String> raw(String key) {
    return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  public String required(String key, String expected) {
    return raw(key).orElseThrow(() -> new ConfigException(key + " is not set: expected " + expected));
  }

  public int integer(String key, int fallback, int min, int max) {
    return parsed(key, fallback, "an integer " + min + ".." + max, v -> {
      int n = Integer.parseInt(v);
      return n >= min && n <= max ? n : null;
    });
  }

  public long bytes(String key, long fallback) {
    return parsed(key, fallback, "a positive number of bytes", v -> {
      long n = Long.parseLong(v);
      return n > 0 ? n : null;
    });
  }

  public boolean bool(String key, boolean fallback) {
    return parsed(key, fallback, "true or false", v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> null;
    });
  }

  /** Durations as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h} or ISO-8601 ({@code PT30S}). */
  public Duration duration(String key, Duration fallback) {
    return parsed(key, fallback, "a duration such as 30s, 15m, 1h or PT30S", ConfigValues::duration);
  }

  public Path path(String key, Path fallback) {
    return parsed(key, fallback, "a file system path", Path::of);
  }

  public List<String> list(String key, List<String> fallback) {
    return raw(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(fallback);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
    String names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
        .reduce((a, b) -> a + "|" + b).orElse("");
    return parsed(key, fallback, "one of " + names, v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
  }

  private <T> T parsed(String key, T fallback, String expected, Function<String, T> parse) {
    Optional<String> raw = raw(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    T value;
    try {
      value = parse.apply(raw.get());
    } catch (RuntimeException e) {
      value = null;
    }
    if (value == null) {
      throw new ConfigException(key + "='" + raw.get() + "' is invalid: expected " + expected);
    }
    return value;
  }

  private static Duration duration(String v) {
    Matcher m = SIMPLE_DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    return Duration.parse(v.toUpperCase(Locale.ROOT));
  }
}
