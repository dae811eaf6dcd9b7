package dev.sluice.worker.wiring;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Layers the places configuration comes from — defaults (in code) &lt; an optional properties file
 * &lt; the environment &lt; {@code --set KEY=VALUE} flags — into one map, and prints the result with
 * secrets masked.
 */
public final class ConfigSources {
  private static final Pattern SECRET = Pattern.compile("(?i).*(SECRET|TOKEN|PASSWORD|CREDENTIAL|ACCESS_KEY).*");

  private ConfigSources() {}

  public static Map<String, String> layered(Path file, Map<String, String> env, List<String> flags) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (file != null) {
      merged.putAll(read(file));
    }
    merged.putAll(env);
    for (String flag : flags) {
      int eq = flag.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set '" + flag + "' is invalid: expected KEY=VALUE");
      }
      merged.put(flag.substring(0, eq).trim(), flag.substring(eq + 1).trim());
    }
    return merged;
  }

  /** The Sluice and AWS settings in {@code merged}, secrets masked, one per line. */
  public static String describe(Map<String, String> merged, Map<String, String> known) {
    StringBuilder out = new StringBuilder();
    Map<String, String> shown = new TreeMap<>();
    known.keySet().forEach(k -> shown.put(k, merged.getOrDefault(k, "(default)")));
    merged.forEach((k, v) -> {
      if (k.startsWith("SLUICE_") || k.startsWith("AWS_")) {
        shown.put(k, v);
      }
    });
    shown.forEach((k, v) -> out.append(k).append('=').append(SECRET.matcher(k).matches() ? "****" : v)
        .append('\n'));
    return out.toString();
  }

  private static Map<String, String> read(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    props.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }
}
