package dev.sluice.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Adobe S3Mock as a child process on a free 127.0.0.1 port. It runs from its own fat jar so its
 * Spring Boot classpath never meets ours, and it dies with this JVM.
 */
public final class S3MockServer implements AutoCloseable {
  /** System property naming the S3Mock exec jar (set by the build and by ./sluice). */
  public static final String JAR_PROPERTY = "sluice.s3mock.jar";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final URI endpoint;

  private S3MockServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  public static S3MockServer start(Path dataDir) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, "local-stack/target/s3mock/s3mock-exec.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Mock jar not found at " + jar.toAbsolutePath()
          + "; build the project first (./mvnw -pl local-stack -am package) or set -D" + JAR_PROPERTY);
    }
    Files.createDirectories(dataDir);
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", jar.toAbsolutePath().toString(),
        "--http.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
        "--com.adobe.testing.s3mock.store.root=" + dataDir.resolve("store").toAbsolutePath(),
        "--logging.level.root=WARN");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("s3mock.log").toFile())
        .start();
    S3MockServer server = new S3MockServer(process, URI.create("http://127.0.0.1:" + port));
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    server.awaitReady(dataDir.resolve("s3mock.log"));
    return server;
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Path log) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
      }
      try {
        http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    close();
    throw new IllegalStateException("S3Mock did not answer on " + endpoint + " within " + START_TIMEOUT
        + "; see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
