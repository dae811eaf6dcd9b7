package dev.sluice.policy;

import static dev.sluice.policy.RulesText.YAML;
import static dev.sluice.policy.RulesText.yamlWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.policy.domain.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReloadingPolicyConcurrencyTest {

  private static final int READERS = 4;
  private static final int DECISIONS_EACH = 2_000;
  private static final int REWRITES = 200;

  @TempDir Path dir;

  /** Replaces the file by rename, as configuration tools do, so no reader sees half a file. */
  private void replace(Path file, String text) throws IOException {
    Path next = Files.writeString(dir.resolve("next.yaml"), text);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  @Timeout(60)
  void decisionsDuringReloadsNeverThrowAndAlwaysMatchTheirRevision() throws Exception {
    String admits = YAML;
    String denies = yamlWith("maxSourceBytes: 1000", "maxSourceBytes: 100");
    String broken = yamlWith("version: 1", "version: 1\nsurprise: true");
    Path file = dir.resolve("rules.yaml");
    replace(file, admits);
    // A zero interval makes every call eligible to reload: the most contention there can be.
    var policy = new ReloadingPolicy(file, InstantSource.system(), Duration.ZERO);
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Decision>>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(pool.submit(() -> {
        start.await();
        List<Decision> seen = new ArrayList<>();
        for (int i = 0; i < DECISIONS_EACH; i++) {
          seen.add(policy.evaluate(ReloadingPolicyTest.request()));
        }
        return seen;
      }));
    }
    start.countDown();
    for (int i = 0; i < REWRITES; i++) {
      replace(file, List.of(admits, denies, broken).get(i % 3));
    }

    List<Decision> all = new ArrayList<>();
    for (Future<List<Decision>> reader : readers) {
      all.addAll(reader.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    // Rules and revision are swapped together, so each kind of answer has exactly one revision.
    assertThat(all).hasSize(READERS * DECISIONS_EACH).allSatisfy(decision -> {
      String expected = switch (decision) {
        case Decision.Admit a -> admits;
        case Decision.Deny d -> denies;
        case Decision.Undecidable u -> broken;
      };
      assertThat(decision.revision()).isEqualTo(ReloadingPolicyTest.revision(expected));
    });
  }
}
