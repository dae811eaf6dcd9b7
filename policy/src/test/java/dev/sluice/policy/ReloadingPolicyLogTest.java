package dev.sluice.policy;

import static dev.sluice.policy.RulesText.YAML;
import static dev.sluice.policy.RulesText.write;
import static dev.sluice.policy.RulesText.yamlWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Operators learn of a new revision at INFO and of a broken file at ERROR, once each. */
class ReloadingPolicyLogTest {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir Path dir;
  private final TestClock clock = new TestClock();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ReloadingPolicy.class);

  @BeforeEach
  void listen() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(events);
  }

  private void lookAgain(ReloadingPolicy policy) {
    clock.advance(INTERVAL);
    policy.evaluate(ReloadingPolicyTest.request());
  }

  @Test
  void eachNewRevisionIsLoggedOnceAtInfoAndABrokenFileOnceAtError() {
    Path file = write(dir.resolve("rules.yaml"), YAML, T0);
    var policy = new ReloadingPolicy(file, clock, INTERVAL);
    lookAgain(policy);
    write(file, "version: 1\n", T0.plusSeconds(1));
    lookAgain(policy);
    lookAgain(policy);
    String tightened = yamlWith("maxSourceBytes: 1000", "maxSourceBytes: 100");
    write(file, tightened, T0.plusSeconds(2));
    lookAgain(policy);
    lookAgain(policy);

    assertThat(events.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            tuple(Level.INFO, "Policy rules " + file + " now at revision "
                + ReloadingPolicyTest.revision(YAML) + " (was nothing: first read)"),
            tuple(Level.ERROR, "Policy rules cannot be used, every decision is Undecidable"
                + " until fixed: " + ((RulesFile.Invalid) new RulesFile(file)
                    .parse("version: 1\n".getBytes())).problem()),
            tuple(Level.INFO, "Policy rules " + file + " now at revision "
                + ReloadingPolicyTest.revision(tightened) + " (was an unusable file, revision "
                + ReloadingPolicyTest.revision("version: 1\n") + ")"));
  }
}
