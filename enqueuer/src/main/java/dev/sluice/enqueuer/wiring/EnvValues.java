package dev.sluice.enqueuer.wiring;

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
 * Typed values out of the environment, so a bad value stops the enqueuer at boot with the key,
 * the value given and what was expected. Secret keys are named in errors but their values never
 * are. (The worker has its own equivalent; the two deployables share no wiring code.)
 */
final class EnvValues {
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern BYTES = Pattern.compile("(\\d+)(|KiB|MiB|GiB)");

  private final Map<String, String> values;

  EnvValues(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  Optional<String> raw(String key) {
    return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  String required(String key, String expected) {
    return raw(key).orElseThrow(() -> new ConfigException(key + " is not set: expected " + expected));
  }

  int integer(String key, int fallback, int min, int max) {
    return parsed(key, fallback, "an integer " + min + ".." + max, v -> {
      int n = Integer.parseInt(v);
      return n >= min && n <= max ? n : null;
    });
  }

  /** A byte count: a plain number, or one with KiB, MiB or GiB. */
  long bytes(String key, long fallback) {
    return parsed(key, fallback, "a positive number of bytes, e.g. 1048576 or 1MiB", v -> {
      Matcher m = BYTES.matcher(v);
      if (!m.matches()) {
        return null;
      }
      long unit = switch (m.group(2)) {
        case "KiB" -> 1L << 10;
        case "MiB" -> 1L << 20;
        case "GiB" -> 1L << 30;
        default -> 1L;
      };
      long n = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
      return n > 0 ? n : null;
    });
  }

  boolean bool(String key, boolean fallback) {
    return parsed(key, fallback, "true or false", v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> null;
    });
  }

  /** {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 1d} or ISO-8601; positive. */
  Duration duration(String key, Duration fallback) {
    return parsed(key, fallback, "a positive duration such as 30s, 15m, 24h or PT30S", v -> {
      Duration d = durationOf(v);
      return d.isPositive() ? d : null;
    });
  }

  List<String> list(String key) {
    return raw(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList()).orElse(List.of());
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

  private static Duration durationOf(String v) {
    Matcher m = SIMPLE_DURATION.matcher(v);
    if (!m.matches()) {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
