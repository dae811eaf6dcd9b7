package dev.sluice.enqueuer.wiring;

import picocli.CommandLine;

/**
 * Entry point of the production enqueuer image:
 * {@code java -cp … dev.sluice.enqueuer.wiring.EnqueuerMain} serves the API.
 */
public final class EnqueuerMain {
  private EnqueuerMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new EnqueuerCommand()).execute(args));
  }
}
