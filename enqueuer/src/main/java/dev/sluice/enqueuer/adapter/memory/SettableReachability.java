package dev.sluice.enqueuer.adapter.memory;

import dev.sluice.enqueuer.port.Reachability;
import java.util.List;

/** A readiness answer that tests set: reachable until told otherwise. */
public final class SettableReachability implements Reachability {
  private volatile List<String> problems = List.of();

  public void set(List<String> problems) {
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<String> problems() {
    return problems;
  }
}
