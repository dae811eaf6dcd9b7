package dev.sluice.worker.wiring;

import picocli.CommandLine;

/** Entry point of the production worker image: {@code java -cp … dev.sluice.worker.wiring.WorkerMain}. */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerCommand()).execute(args));
  }
}
