package dev.sluice.policy;

import static dev.sluice.policy.RulesText.YAML;
import static dev.sluice.policy.RulesText.write;
import static dev.sluice.policy.RulesText.yamlWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.policy.domain.Decision;
import dev.sluice.policy.domain.DenyCause;
import dev.sluice.policy.domain.PolicyRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingPolicyTest {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir Path dir;
  private final TestClock clock = new TestClock();

  /** 500 bytes: admitted by {@link RulesText#YAML}, refused once the limit drops to 100. */
  static PolicyRequest request() {
    return new PolicyRequest("asset-1", Optional.empty(),
        ObjectRef.parseS3Uri("s3://media-in/up/a", false), 500,
        ObjectRef.parseS3Uri("s3://media-out/r/asset-1/", false), "thumb", Optional.empty());
  }

  static String revision(String text) {
    return RulesFile.revisionOf(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path rules(String text, Instant modified) {
    return write(dir.resolve("rules.yaml"), text, modified);
  }

  @Test
  void decisionsCarryTheRevisionOfTheFileRead() {
    var policy = new ReloadingPolicy(rules(YAML, T0), clock, INTERVAL);

    assertThat(policy.evaluate(request())).isEqualTo(new Decision.Admit(revision(YAML)));
    assertThat(policy.lastRead()).isInstanceOf(RulesFile.Loaded.class);
  }

  @Test
  void aTightenedRuleIsPickedUpOnceTheIntervalHasPassed() {
    Path file = rules(YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);
    String tightened = yamlWith("maxSourceBytes: 1000", "maxSourceBytes: 100");
    rules(tightened, T0.plusSeconds(10));

    clock.advance(Duration.ofMillis(1999));
    assertThat(policy.evaluate(request())).isEqualTo(new Decision.Admit(revision(YAML)));
    clock.advance(Duration.ofMillis(1));
    Decision after = policy.evaluate(request());

    assertThat(after).isInstanceOf(Decision.Deny.class);
    assertThat(((Decision.Deny) after).cause()).isEqualTo(DenyCause.SOURCE_TOO_LARGE);
    assertThat(after.revision()).isEqualTo(revision(tightened));
  }

  @Test
  void theRevisionIsStableWhileTheContentIsUnchangedEvenIfTouched() {
    Path file = rules(YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);

    for (int i = 1; i <= 5; i++) {
      rules(YAML, T0.plusSeconds(i));
      clock.advance(INTERVAL);
      assertThat(policy.evaluate(request()).revision()).isEqualTo(revision(YAML));
    }
  }

  @Test
  void aFileWhoseStatIsUnchangedIsNotReRead() {
    Path file = rules(YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);
    // Same length, same time, same inode: the stat says nothing changed, so no read or hash.
    rules(yamlWith("maxSourceBytes: 1000", "maxSourceBytes: 9999"), T0);

    clock.advance(INTERVAL);

    assertThat(policy.evaluate(request()).revision()).isEqualTo(revision(YAML));
  }

  @Test
  void anInvalidFileMakesDecisionsUndecidableUntilItIsFixed() {
    Path file = rules(YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);
    String broken = yamlWith("  maxPixels: 100000", "  maxPixel: 100000");
    rules(broken, T0.plusSeconds(1));
    clock.advance(INTERVAL);

    Decision during = policy.evaluate(request());
    rules(YAML, T0.plusSeconds(2));
    clock.advance(INTERVAL);
    Decision after = policy.evaluate(request());

    assertThat(during).isInstanceOf(Decision.Undecidable.class);
    assertThat(((Decision.Undecidable) during).reason())
        .contains(file.toString()).contains("unknown key 'media.maxPixel'");
    assertThat(during.revision()).isEqualTo(revision(broken));
    assertThat(after).isEqualTo(new Decision.Admit(revision(YAML)));
  }

  @Test
  void aMissingFileMakesDecisionsUndecidableAndItsArrivalIsNoticed() {
    Path file = dir.resolve("rules.yaml");
    var policy = new ReloadingPolicy(file, clock, INTERVAL);

    Decision missing = policy.evaluate(request());
    rules(YAML, T0);
    clock.advance(INTERVAL);

    assertThat(missing).isEqualTo(new Decision.Undecidable("rules file " + file
        + " is missing. No decision until it is fixed.", RulesFile.NO_REVISION));
    assertThat(policy.evaluate(request())).isEqualTo(new Decision.Admit(revision(YAML)));
  }

  @Test
  void aDeletedFileDoesNotLeaveTheOldRulesInForce() throws IOException {
    Path file = rules(YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);
    Files.delete(file);
    clock.advance(INTERVAL);

    assertThat(policy.evaluate(request())).isInstanceOf(Decision.Undecidable.class);
  }

  @Test
  void aClockSteppedBackwardsTriggersALookRatherThanAFreeze() {
    Path file = rules(YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);
    rules(yamlWith("maxSourceBytes: 1000", "maxSourceBytes: 100"), T0.plusSeconds(1));

    clock.advance(Duration.ofHours(-1));

    assertThat(policy.evaluate(request())).isInstanceOf(Decision.Deny.class);
  }

  @Test
  void aNegativeIntervalOrUnknownExtensionIsRefusedAtConstruction() {
    Path file = rules(YAML, T0);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReloadingPolicy(file, clock, Duration.ofSeconds(-1)))
        .withMessageContaining("recheckInterval");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReloadingPolicy(dir.resolve("rules.txt"), clock, INTERVAL));
  }

  @Test
  void staticPolicyDecidesWithItsFixedRevision() {
    var loaded = new RulesFile(rules(YAML, T0)).read().orElseThrow();

    assertThat(StaticPolicy.of(loaded).evaluate(request()))
        .isEqualTo(new Decision.Admit(revision(YAML)));
  }
}
