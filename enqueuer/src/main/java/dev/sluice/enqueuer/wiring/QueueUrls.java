package dev.sluice.enqueuer.wiring;

import dev.sluice.contract.domain.Priority;
import java.util.EnumMap;
import java.util.Map;

/**
 * Parses {@code SLUICE_ENQUEUE_QUEUES}: {@code high=<url>,normal=<url>,low=<url>}, normal
 * required. Named entries rather than an ordered list, so the mapping from priority to queue is
 * written down and cannot shift when a queue is added.
 */
final class QueueUrls {
  static final String KEY = "SLUICE_ENQUEUE_QUEUES";
  private static final String EXPECTED = "high=<url>,normal=<url>,low=<url> (normal required)";

  private QueueUrls() {}

  static Map<Priority, String> parse(EnvValues env) {
    Map<Priority, String> urls = new EnumMap<>(Priority.class);
    for (String entry : env.list(KEY)) {
      int eq = entry.indexOf('=');
      if (eq < 1 || eq == entry.length() - 1) {
        throw invalid(entry, "'" + entry + "' is not name=url");
      }
      Priority priority;
      try {
        priority = Priority.fromWire(entry.substring(0, eq).trim());
      } catch (IllegalArgumentException e) {
        throw invalid(entry, "'" + entry.substring(0, eq) + "' is not one of high, normal, low");
      }
      String url = entry.substring(eq + 1).trim();
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw invalid(entry, "'" + url + "' is not an SQS queue URL (http:// or https://)");
      }
      if (urls.put(priority, url) != null) {
        throw invalid(entry, priority.wireName() + " is named twice");
      }
    }
    if (!urls.containsKey(Priority.NORMAL)) {
      throw new ConfigException(KEY + " is not set or has no normal queue: expected " + EXPECTED);
    }
    return urls;
  }

  private static ConfigException invalid(String entry, String why) {
    return new ConfigException(KEY + " is invalid: " + why + "; expected " + EXPECTED);
  }
}
