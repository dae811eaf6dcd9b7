package dev.sluice.enqueuer.wiring;

import dev.sluice.contract.domain.ObjectKeys;
import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the enqueuer is configured with, read once at boot from {@code SLUICE_*} variables;
 * AWS region, endpoints and credentials come from the SDK's standard chain instead. The API
 * tokens are secrets: they are held in {@link ApiTokens}, whose text form never shows them.
 *
 * @param queueUrls the SQS queue URL of each priority (normal at least)
 * @param policyFile the shared rules file, hot-reloaded
 * @param apiTokens bearer tokens accepted on /v1 (may be empty for {@code enqueue --direct})
 * @param dedup where and how long job-level dedup markers are kept
 * @param limits request and source limits
 * @param http where the API listens
 * @param s3PathStyle address S3 buckets by path (S3-compatible stores)
 */
public record EnqueuerConfig(Map<Priority, String> queueUrls, Path policyFile, ApiTokens apiTokens,
    Dedup dedup, Limits limits, Http http, boolean s3PathStyle) {

  /** Every key this loader reads, with its meaning (for --help and docs). */
  public static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry(QueueUrls.KEY, "queue URL per priority: high=<url>,normal=<url>,low=<url> (normal required)"),
      Map.entry("SLUICE_POLICY_FILE", "the policy rules file, JSON or YAML (required)"),
      Map.entry("SLUICE_API_TOKENS", "bearer tokens accepted on /v1, comma-separated (required to serve)"),
      Map.entry("SLUICE_DEDUP_BUCKET", "bucket of the job-level dedup markers (required)"),
      Map.entry("SLUICE_DEDUP_PREFIX", "key prefix of the dedup markers (default sluice-dedup/)"),
      Map.entry("SLUICE_DEDUP_WINDOW", "how long a job answers for repeats of its request (default 24h)"),
      Map.entry("SLUICE_MAX_HASH_BYTES", "largest source hashed by the enqueuer itself (default 1GiB)"),
      Map.entry("SLUICE_RATE_LIMIT_PER_TENANT", "requests per second per tenant (default 50)"),
      Map.entry("SLUICE_MAX_BODY_BYTES", "largest request body (default 1MiB)"),
      Map.entry("SLUICE_REQUEST_TIMEOUT", "a request not answered by then gets 503 (default 30s)"),
      Map.entry("SLUICE_S3_PATH_STYLE", "true for S3-compatible stores without virtual hosts (default false)"),
      Map.entry("SLUICE_HTTP_HOST", "address to bind (default 0.0.0.0)"),
      Map.entry("SLUICE_HTTP_PORT", "port to listen on (default 8080)"));

  public EnqueuerConfig {
    queueUrls = Map.copyOf(queueUrls);
    Objects.requireNonNull(policyFile, "policyFile");
    Objects.requireNonNull(apiTokens, "apiTokens");
    Objects.requireNonNull(dedup, "dedup");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(http, "http");
  }

  /** Bearer tokens. {@link #toString} counts them and shows none. */
  public record ApiTokens(List<String> values) {
    public ApiTokens {
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return "ApiTokens[" + values.size() + " tokens]";
    }
  }

  /** Markers at {@code s3://bucket/prefix<key>.json}, standing for {@code window}. */
  public record Dedup(String bucket, String prefix, Duration window) {
    public Dedup {
      ObjectKeys.bucketProblem(bucket).ifPresent(p -> {
        throw new ConfigException("SLUICE_DEDUP_BUCKET is invalid: " + p);
      });
      if (!prefix.isEmpty() && (!prefix.endsWith("/") || ObjectKeys.keyProblem(prefix).isPresent())) {
        throw new ConfigException("SLUICE_DEDUP_PREFIX='" + prefix + "' is invalid: expected a key"
            + " prefix ending in '/', like sluice-dedup/");
      }
    }

    public ObjectRef location() {
      return new ObjectRef(bucket, prefix);
    }
  }

  /** Request and source limits. */
  public record Limits(long maxHashBytes, int ratePerTenant, long maxBodyBytes,
      Duration requestTimeout) {}

  /** Where the API listens. */
  public record Http(String host, int port) {}

  /** Reads and validates the environment; throws {@link ConfigException} naming the key. */
  public static EnqueuerConfig from(Map<String, String> env) {
    EnvValues v = new EnvValues(env);
    Map<Priority, String> queues = QueueUrls.parse(v);
    Path policy = Path.of(v.required("SLUICE_POLICY_FILE", "the path of the policy rules file"));
    List<String> tokens = v.list("SLUICE_API_TOKENS");
    Dedup dedup = new Dedup(v.required("SLUICE_DEDUP_BUCKET", "the bucket for dedup markers"),
        v.raw("SLUICE_DEDUP_PREFIX").orElse("sluice-dedup/"),
        v.duration("SLUICE_DEDUP_WINDOW", Duration.ofHours(24)));
    Limits limits = new Limits(v.bytes("SLUICE_MAX_HASH_BYTES", 1L << 30),
        v.integer("SLUICE_RATE_LIMIT_PER_TENANT", 50, 1, 1_000_000),
        v.bytes("SLUICE_MAX_BODY_BYTES", 1L << 20),
        v.duration("SLUICE_REQUEST_TIMEOUT", Duration.ofSeconds(30)));
    Http http = new Http(v.raw("SLUICE_HTTP_HOST").orElse("0.0.0.0"),
        v.integer("SLUICE_HTTP_PORT", 8080, 0, 65_535));
    return new EnqueuerConfig(queues, policy, new ApiTokens(tokens), dedup, limits, http,
        v.bool("SLUICE_S3_PATH_STYLE", false));
  }

  /** The tokens, or a {@link ConfigException} when there are none (the server needs them). */
  public List<String> requireTokens() {
    if (apiTokens.values().isEmpty()) {
      throw new ConfigException("SLUICE_API_TOKENS is not set: expected one or more bearer tokens,"
          + " comma-separated (generate with: openssl rand -hex 32)");
    }
    return apiTokens.values();
  }
}
