package dev.sluice.enqueuer.wiring;

import dagger.Module;
import dagger.Provides;
import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.preset.BundledCatalogue;
import dev.sluice.contract.preset.PresetCatalogue;
import dev.sluice.enqueuer.adapter.http.BearerTokens;
import dev.sluice.enqueuer.adapter.http.EnqueuerServer;
import dev.sluice.enqueuer.adapter.http.HttpSettings;
import dev.sluice.enqueuer.adapter.http.JobsEndpoint;
import dev.sluice.enqueuer.adapter.http.ProbeEndpoints;
import dev.sluice.enqueuer.adapter.http.TenantRateLimiter;
import dev.sluice.enqueuer.adapter.otel.OtelEnqueueTelemetry;
import dev.sluice.enqueuer.app.EnqueueService;
import dev.sluice.enqueuer.app.EnqueueSettings;
import dev.sluice.enqueuer.app.QueueRoutes;
import dev.sluice.enqueuer.domain.JobRequestRules;
import dev.sluice.enqueuer.port.DedupMarkers;
import dev.sluice.enqueuer.port.EnqueueTelemetry;
import dev.sluice.enqueuer.port.JobSender;
import dev.sluice.enqueuer.port.Reachability;
import dev.sluice.policy.PolicySource;
import dev.sluice.policy.ReloadingPolicy;
import dev.sluice.queue.port.Clock;
import dev.sluice.queue.port.QueueRef;
import dev.sluice.queue.port.SourceStore;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import javax.inject.Singleton;

/** The admission service and its HTTP API, over whatever adapters the component binds. */
@Module
public final class EnqueuerModule {
  /** What a 503 tells clients to wait: a little over the policy's re-check interval. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  static final Duration POLICY_RECHECK = Duration.ofSeconds(2);

  private EnqueuerModule() {}

  @Provides
  @Singleton
  static ReloadingPolicy reloadingPolicy(EnqueuerConfig config) {
    return new ReloadingPolicy(config.policyFile(), InstantSource.system(), POLICY_RECHECK);
  }

  @Provides
  static PolicySource policy(ReloadingPolicy policy) {
    return policy;
  }

  @Provides
  @Singleton
  static PresetCatalogue catalogue() {
    return BundledCatalogue.load();
  }

  @Provides
  @Singleton
  static QueueRoutes queues(EnqueuerConfig config) {
    Map<Priority, QueueRef> refs = new EnumMap<>(Priority.class);
    config.queueUrls().forEach((priority, url) -> refs.put(priority, QueueRef.of(url)));
    return new QueueRoutes(refs);
  }

  @Provides
  @Singleton
  static EnqueueService service(PolicySource policy, SourceStore sources, DedupMarkers markers,
      JobSender sender, PresetCatalogue catalogue, Clock clock, QueueRoutes queues,
      EnqueuerConfig config) {
    return new EnqueueService(policy, sources, markers, sender, catalogue, clock,
        new EnqueueSettings(queues, config.dedup().window(), config.limits().maxHashBytes(), RETRY_AFTER));
  }

  @Provides
  @Singleton
  static EnqueueTelemetry telemetry(OpenTelemetry openTelemetry) {
    return new OtelEnqueueTelemetry(openTelemetry);
  }

  @Provides
  @Singleton
  static JobsEndpoint jobs(EnqueueService service, PresetCatalogue catalogue, EnqueuerConfig config) {
    return new JobsEndpoint(service, new JobRequestRules(catalogue),
        new TenantRateLimiter(config.limits().ratePerTenant()));
  }

  @Provides
  @Singleton
  static EnqueuerServer server(EnqueuerConfig config, JobsEndpoint jobs, Reachability reachability,
      EnqueueTelemetry telemetry) {
    HttpSettings http = new HttpSettings(config.http().host(), config.http().port(),
        config.limits().maxBodyBytes(), config.limits().requestTimeout(), RETRY_AFTER);
    return new EnqueuerServer(http, jobs, new ProbeEndpoints(reachability),
        new BearerTokens(config.requireTokens()), telemetry);
  }
}
