package dev.sluice.worker.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {
  @TempDir Path dir;

  @Test
  void fileIsOverriddenByEnvironmentWhichIsOverriddenByFlags() throws Exception {
    Path file = dir.resolve("sluice.properties");
    Files.writeString(file, "SLUICE_LOOPS=3\nSLUICE_MAX_ATTEMPTS=7\nSLUICE_LONG_POLL=5s\n");

    var merged = ConfigSources.layered(file, Map.of("SLUICE_LOOPS", "4", "SLUICE_MAX_ATTEMPTS", "8"),
        List.of("SLUICE_LOOPS=6"));

    assertThat(merged).containsEntry("SLUICE_LOOPS", "6").containsEntry("SLUICE_MAX_ATTEMPTS", "8")
        .containsEntry("SLUICE_LONG_POLL", "5s");
  }

  @Test
  void describeMasksSecretsAndMarksDefaults() {
    String text = ConfigSources.describe(Map.of("AWS_SECRET_ACCESS_KEY", "hunter2", "AWS_REGION", "eu-west-1",
        "SLUICE_LOOPS", "4", "PATH", "/bin"), WorkerConfig.KEYS);

    assertThat(text).contains("AWS_SECRET_ACCESS_KEY=****").contains("AWS_REGION=eu-west-1")
        .contains("SLUICE_LOOPS=4").contains("SLUICE_MAX_ATTEMPTS=(default)")
        .doesNotContain("hunter2").doesNotContain("PATH=");
  }

  @Test
  void aFlagWithoutEqualsIsRefused() {
    assertThatThrownBy(() -> ConfigSources.layered(null, Map.of(), List.of("SLUICE_LOOPS")))
        .hasMessageContaining("expected KEY=VALUE");
  }

  @Test
  void printConfigShowsTheEffectiveValuesAndExitsZero() {
    var command = new WorkerCommand(Map.of("SLUICE_QUEUES", "https://sqs.eu-west-1.amazonaws.com/1/q",
        "SLUICE_POLICY_FILE", "/etc/rules.yaml"));
    int exit = new picocli.CommandLine(command).execute("--print-config", "--set", "SLUICE_LOOPS=9");
    assertThat(exit).isZero();
  }
}
