package dev.sluice.worker.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.contract.preset.ResourceClass;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {
  private static final String Q1 = "https://sqs.eu-west-1.amazonaws.com/123456789012/sluice-cpu-high";
  private static final String Q2 = "https://sqs.eu-west-1.amazonaws.com/123456789012/sluice-cpu-normal";
  private static final String Q3 = "https://sqs.eu-west-1.amazonaws.com/123456789012/sluice-cpu-low";

  private static Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>(Map.of("SLUICE_QUEUES", Q1, "SLUICE_POLICY_FILE", "/etc/sluice/rules.yaml"));
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  @Test
  void defaultsApplyWhenOnlyTheRequiredKeysAreSet() {
    WorkerConfig config = WorkerConfig.from(env());
    assertThat(config.settings().loops()).isEqualTo(2);
    assertThat(config.settings().maxAttempts()).isEqualTo(5);
    assertThat(config.settings().visibilityTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.settings().resourceClass()).isEqualTo(ResourceClass.CPU);
    assertThat(config.settings().queues()).extracting(q -> q.label()).containsExactly("sluice-cpu-high");
    assertThat(config.s3PathStyle()).isFalse();
    assertThat(config.settings().receiveBatch()).isEqualTo(10);
    assertThat(WorkerConfig.from(env("SLUICE_RECEIVE_BATCH", "1")).settings().receiveBatch()).isEqualTo(1);
  }

  @Test
  void threeQueuesGetTheDefaultSixThreeOneWeights() {
    WorkerConfig config = WorkerConfig.from(env("SLUICE_QUEUES", Q1 + ", " + Q2 + "," + Q3));
    assertThat(config.settings().priorityWeights()).containsExactly(6, 3, 1);
  }

  @Test
  void durationsAcceptShortAndIsoForms() {
    WorkerConfig config = WorkerConfig.from(env("SLUICE_VISIBILITY_TIMEOUT", "PT2M", "SLUICE_BACKOFF_CAP", "1h",
        "SLUICE_LEASE_MARGIN", "500ms", "SLUICE_RESOURCE_CLASS", "gpu"));
    assertThat(config.settings().visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.settings().backoffCap()).isEqualTo(Duration.ofHours(1));
    assertThat(config.settings().leaseMargin()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.settings().heartbeatInterval()).isLessThan(Duration.ofMillis(500));
    assertThat(config.settings().resourceClass()).isEqualTo(ResourceClass.GPU);
  }

  @Test
  void missingRequiredKeysAreNamed() {
    assertThatThrownBy(() -> WorkerConfig.from(Map.of("SLUICE_POLICY_FILE", "/x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SLUICE_QUEUES is not set");
    assertThatThrownBy(() -> WorkerConfig.from(Map.of("SLUICE_QUEUES", Q1)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SLUICE_POLICY_FILE is not set");
  }

  @Test
  void badValuesNameTheKeyTheValueAndWhatWasExpected() {
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_LOOPS", "many")))
        .hasMessage("SLUICE_LOOPS='many' is invalid: expected an integer 1..64");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_LOOPS", "0")))
        .hasMessage("SLUICE_LOOPS='0' is invalid: expected an integer 1..64");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_VISIBILITY_TIMEOUT", "soon")))
        .hasMessageContaining("SLUICE_VISIBILITY_TIMEOUT='soon' is invalid: expected a duration");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_RESOURCE_CLASS", "tpu")))
        .hasMessage("SLUICE_RESOURCE_CLASS='tpu' is invalid: expected one of cpu|gpu");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_S3_PATH_STYLE", "yes")))
        .hasMessage("SLUICE_S3_PATH_STYLE='yes' is invalid: expected true or false");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_MULTIPART_THRESHOLD", "1048576")))
        .hasMessageContaining("SLUICE_MULTIPART_THRESHOLD='1048576' is invalid: expected at least 5242880");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_RECEIVE_BATCH", "11")))
        .hasMessage("SLUICE_RECEIVE_BATCH='11' is invalid: expected an integer 1..10");
    assertThatThrownBy(() -> WorkerConfig.from(env("SLUICE_LONG_POLL", "30s")))
        .hasMessageContaining("longPoll").hasMessageContaining("0..20s");
  }
}
