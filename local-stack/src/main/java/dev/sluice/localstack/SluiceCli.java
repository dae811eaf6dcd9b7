package dev.sluice.localstack;

import dev.sluice.localstack.demo.DemoCommand;
import dev.sluice.enqueuer.wiring.EnqueueCommand;
import dev.sluice.enqueuer.wiring.EnqueuerCommand;
import dev.sluice.worker.wiring.WorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The developer's {@code sluice} command: the demo on an embedded stack, and the worker. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0",
    description = "Sluice: a media-worker fleet on Amazon SQS.",
    subcommands = {DemoCommand.class, WorkerCommand.class, EnqueuerCommand.class, EnqueueCommand.class,
        CommandLine.HelpCommand.class})
public final class SluiceCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SluiceCli()).execute(args));
  }
}
