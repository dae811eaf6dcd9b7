package dev.sluice.localstack;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded stack per test JVM, started on first use and closed when JUnit finishes: starting
 * S3Mock costs seconds, so test classes share it and isolate themselves by queue and bucket names.
 */
public final class SharedStack {
  private SharedStack() {}

  public static EmbeddedStack get(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent("sluice-embedded-stack", key -> new Holder(), Holder.class).stack;
  }

  /** Closes the stack when the root context closes. */
  private static final class Holder implements AutoCloseable {
    final EmbeddedStack stack;

    Holder() {
      try {
        stack = EmbeddedStack.start(Files.createTempDirectory("sluice-stack-"));
      } catch (Exception e) {
        throw new IllegalStateException("could not start the embedded stack", e);
      }
    }

    @Override
    public void close() {
      stack.close();
    }
  }
}
