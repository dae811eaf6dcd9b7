package dev.sluice.worker.wiring;

import dev.sluice.contract.preset.ResourceClass;
import dev.sluice.queue.adapter.resilient.GuardSettings;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.worker.app.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a production worker is configured with, read once at boot from {@code SLUICE_*}
 * variables. AWS endpoints, region and credentials are deliberately absent: they come from the
 * SDK's standard chain ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_SQS}, profiles, IRSA).
 *
 * @param settings the pipeline and loop settings
 * @param queueUrls the SQS queue URLs, highest priority first
 * @param policyFile the rules file (hot-reloaded)
 * @param s3PathStyle address S3 buckets by path (S3-compatible stores)
 * @param multipartThreshold outputs at least this big are uploaded in parts
 * @param drainTimeout how long SIGTERM waits for the job in flight
 * @param guard retry, circuit breaker and bulkhead settings for each AWS dependency
 * @param healthPort port of the /livez, /readyz and /drain endpoints (0 = off)
 * @param livenessTimeout /livez fails when no loop made progress for this long
 * @param redactAssetIds replace asset ids with a hash prefix in logs and telemetry
 */
public record WorkerConfig(WorkerSettings settings, List<String> queueUrls, Path policyFile,
    boolean s3PathStyle, long multipartThreshold, Duration drainTimeout, GuardSettings guard,
    int healthPort, Duration livenessTimeout, boolean redactAssetIds) {

  /** Every key this loader reads, with its meaning (for --help and docs). */
  public static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("SLUICE_QUEUES", "SQS queue URLs, comma-separated, highest priority first (required)"),
      Map.entry("SLUICE_PRIORITY_WEIGHTS", "how often each queue is polled first (default 6,3,1 for three)"),
      Map.entry("SLUICE_POLICY_FILE", "path of the policy rules file, JSON or YAML (required)"),
      Map.entry("SLUICE_LOOPS", "receive-process loops per process (default 2)"),
      Map.entry("SLUICE_MAX_ATTEMPTS", "deliveries before a retried job is dead-lettered (default 5)"),
      Map.entry("SLUICE_VISIBILITY_TIMEOUT", "visibility window per receive and lease extension (default 60s)"),
      Map.entry("SLUICE_LEASE_MARGIN", "extend a lease when this little is left (default 20s)"),
      Map.entry("SLUICE_BACKOFF_BASE", "first retry delay (default 10s)"),
      Map.entry("SLUICE_BACKOFF_CAP", "longest retry delay (default 15m)"),
      Map.entry("SLUICE_LONG_POLL", "receive wait time, 0s..20s (default 20s)"),
      Map.entry("SLUICE_WORK_DIR", "per-job temporary files (default /tmp/sluice-work)"),
      Map.entry("SLUICE_RESOURCE_CLASS", "cpu or gpu (default cpu)"),
      Map.entry("SLUICE_S3_PATH_STYLE", "true for S3-compatible stores without virtual hosts (default false)"),
      Map.entry("SLUICE_MULTIPART_THRESHOLD", "bytes from which outputs are uploaded in parts (default 64 MiB)"),
      Map.entry("SLUICE_DRAIN_TIMEOUT", "how long SIGTERM waits for the job in flight (default 60s)"),
      Map.entry("SLUICE_RETRY_MAX_ATTEMPTS", "attempts per AWS call for transient faults (default 3)"),
      Map.entry("SLUICE_RETRY_FIRST_BACKOFF", "wait before the second attempt, doubling with jitter (default 200ms)"),
      Map.entry("SLUICE_BREAKER_FAILURE_RATE", "percent of failed calls that opens a breaker (default 50)"),
      Map.entry("SLUICE_BREAKER_OPEN_FOR", "how long an open breaker waits before trial calls (default 15s)"),
      Map.entry("SLUICE_HEALTH_PORT", "port of /livez, /readyz and /drain; 0 turns it off (default 8081)"),
      Map.entry("SLUICE_LIVENESS_TIMEOUT", "/livez fails after this long without progress (default 5m)"),
      Map.entry("SLUICE_RECEIVE_BATCH", "messages per receive, 1..10; 1 for long jobs under KEDA (default 10)"),
      Map.entry("SLUICE_REDACT_ASSET_IDS", "replace asset ids with a hash prefix in logs and traces (default false)"));

  static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  public static WorkerConfig from(Map<String, String> env) {
    ConfigValues v = new ConfigValues(env);
    List<String> urls = v.list("SLUICE_QUEUES", List.of());
    if (urls.isEmpty()) {
      throw new ConfigException("SLUICE_QUEUES is not set: expected SQS queue URLs, comma-separated, "
          + "highest priority first");
    }
    List<QueueRef> queues = urls.stream().map(QueueRef::of).toList();
    List<Integer> defaultWeights = queues.size() == 3 ? List.of(6, 3, 1) : queues.stream().map(q -> 1).toList();
    List<Integer> weights;
    try {
      weights = v.list("SLUICE_PRIORITY_WEIGHTS", defaultWeights.stream().map(String::valueOf).toList())
          .stream().map(Integer::parseInt).toList();
    } catch (NumberFormatException e) {
      throw new ConfigException("SLUICE_PRIORITY_WEIGHTS is invalid: expected positive integers, comma-separated");
    }
    WorkerSettings settings = settings(v, queues, weights);
    return new WorkerConfig(settings, urls,
        Path.of(v.required("SLUICE_POLICY_FILE", "the path of the policy rules file (JSON or YAML)")),
        v.bool("SLUICE_S3_PATH_STYLE", false),
        multipartThreshold(v),
        v.duration("SLUICE_DRAIN_TIMEOUT", Duration.ofSeconds(60)),
        guard(v),
        v.integer("SLUICE_HEALTH_PORT", 8081, 0, 65535),
        v.duration("SLUICE_LIVENESS_TIMEOUT", Duration.ofMinutes(5)),
        v.bool("SLUICE_REDACT_ASSET_IDS", false));
  }

  private static GuardSettings guard(ConfigValues v) {
    GuardSettings d = GuardSettings.defaults();
    return new GuardSettings(
        v.integer("SLUICE_RETRY_MAX_ATTEMPTS", d.maxAttempts(), 1, 10),
        v.duration("SLUICE_RETRY_FIRST_BACKOFF", d.firstBackoff()),
        v.integer("SLUICE_BREAKER_FAILURE_RATE", d.failureRatePercent(), 1, 100),
        d.window(), d.minimumCalls(),
        v.duration("SLUICE_BREAKER_OPEN_FOR", d.openFor()),
        d.halfOpenCalls(), d.maxConcurrent());
  }

  /** S3 parts are at least 5 MiB (the last excepted), so a smaller threshold cannot work. */
  private static long multipartThreshold(ConfigValues v) {
    long threshold = v.bytes("SLUICE_MULTIPART_THRESHOLD", 64L * 1024 * 1024);
    if (threshold < MIN_PART_SIZE) {
      throw new ConfigException("SLUICE_MULTIPART_THRESHOLD='" + threshold
          + "' is invalid: expected at least 5242880 (5 MiB, the smallest S3 part)");
    }
    return threshold;
  }

  private static WorkerSettings settings(ConfigValues v, List<QueueRef> queues, List<Integer> weights) {
    Duration margin = v.duration("SLUICE_LEASE_MARGIN", Duration.ofSeconds(20));
    // Beat often enough that no lease lapses between two looks at it.
    Duration heartbeat = margin.dividedBy(3).compareTo(Duration.ofSeconds(2)) < 0
        ? margin.dividedBy(3) : Duration.ofSeconds(2);
    try {
      return new WorkerSettings(queues, weights,
          v.integer("SLUICE_LOOPS", 2, 1, 64),
          v.integer("SLUICE_MAX_ATTEMPTS", 5, 1, 1000),
          v.duration("SLUICE_VISIBILITY_TIMEOUT", Duration.ofSeconds(60)),
          margin,
          v.duration("SLUICE_BACKOFF_BASE", Duration.ofSeconds(10)),
          v.duration("SLUICE_BACKOFF_CAP", Duration.ofMinutes(15)),
          v.duration("SLUICE_LONG_POLL", Duration.ofSeconds(20)),
          Duration.ofSeconds(1),
          heartbeat.isPositive() ? heartbeat : Duration.ofMillis(1),
          v.path("SLUICE_WORK_DIR", Path.of(System.getProperty("java.io.tmpdir"), "sluice-work")),
          v.enumValue("SLUICE_RESOURCE_CLASS", ResourceClass.class, ResourceClass.CPU),
          v.integer("SLUICE_RECEIVE_BATCH", 10, 1, 10));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // WorkerSettings names its own keys in camelCase; point at the variable people set.
      throw new ConfigException(e.getMessage().replace("setting '", "setting SLUICE_ for '"));
    }
  }
}
