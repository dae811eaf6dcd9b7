package dev.sluice.enqueuer.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.domain.Priority;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Boot-time config: defaults, and a refusal naming the key, the value and the expectation. */
class EnqueuerConfigTest {
  static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("SLUICE_ENQUEUE_QUEUES", "normal=https://sqs.eu-west-1.amazonaws.com/1/jobs");
    env.put("SLUICE_POLICY_FILE", "/etc/sluice/rules.yaml");
    env.put("SLUICE_DEDUP_BUCKET", "sluice-state");
    return env;
  }

  @Test
  void defaultsApplyAroundTheRequiredKeys() {
    EnqueuerConfig config = EnqueuerConfig.from(minimal());
    assertThat(config.queueUrls()).containsOnlyKeys(Priority.NORMAL);
    assertThat(config.dedup().location().toUri()).isEqualTo("s3://sluice-state/sluice-dedup/");
    assertThat(config.dedup().window()).isEqualTo(Duration.ofHours(24));
    assertThat(config.limits().maxHashBytes()).isEqualTo(1L << 30);
    assertThat(config.limits().maxBodyBytes()).isEqualTo(1L << 20);
    assertThat(config.limits().ratePerTenant()).isEqualTo(50);
    assertThat(config.limits().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.s3PathStyle()).isFalse();
  }

  @Test
  void everyPriorityCanHaveItsQueueAndSizesTakeUnits() {
    Map<String, String> env = minimal();
    env.put("SLUICE_ENQUEUE_QUEUES", "high=http://q/h, normal=http://q/n ,low=http://q/l");
    env.put("SLUICE_MAX_HASH_BYTES", "256MiB");
    env.put("SLUICE_DEDUP_WINDOW", "2d");
    EnqueuerConfig config = EnqueuerConfig.from(env);
    assertThat(config.queueUrls()).containsEntry(Priority.HIGH, "http://q/h").containsEntry(Priority.LOW, "http://q/l");
    assertThat(config.limits().maxHashBytes()).isEqualTo(256L << 20);
    assertThat(config.dedup().window()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void aBadValueNamesItsKeyValueAndExpectation() {
    Map<String, String> env = minimal();
    env.put("SLUICE_RATE_LIMIT_PER_TENANT", "lots");
    assertThatThrownBy(() -> EnqueuerConfig.from(env)).isInstanceOf(ConfigException.class)
        .hasMessage("SLUICE_RATE_LIMIT_PER_TENANT='lots' is invalid: expected an integer 1..1000000");
    env.remove("SLUICE_RATE_LIMIT_PER_TENANT");
    env.put("SLUICE_ENQUEUE_QUEUES", "high=http://q/h");
    assertThatThrownBy(() -> EnqueuerConfig.from(env)).hasMessageContaining("no normal queue");
    env.put("SLUICE_ENQUEUE_QUEUES", "urgent=http://q/u,normal=http://q/n");
    assertThatThrownBy(() -> EnqueuerConfig.from(env)).hasMessageContaining("'urgent' is not one of high, normal, low");
    env.put("SLUICE_ENQUEUE_QUEUES", "normal=http://q/n");
    env.put("SLUICE_DEDUP_PREFIX", "no-slash");
    assertThatThrownBy(() -> EnqueuerConfig.from(env)).hasMessageContaining("SLUICE_DEDUP_PREFIX='no-slash'");
  }

  @Test
  void tokensAreRequiredToServeAndNeverPrinted() {
    Map<String, String> env = minimal();
    assertThatThrownBy(() -> EnqueuerConfig.from(env).requireTokens())
        .hasMessageStartingWith("SLUICE_API_TOKENS is not set");
    env.put("SLUICE_API_TOKENS", "s3cr3t-one, s3cr3t-two");
    EnqueuerConfig config = EnqueuerConfig.from(env);
    assertThat(config.requireTokens()).containsExactly("s3cr3t-one", "s3cr3t-two");
    assertThat(config.toString()).doesNotContain("s3cr3t").contains("ApiTokens[2 tokens]");
  }
}
