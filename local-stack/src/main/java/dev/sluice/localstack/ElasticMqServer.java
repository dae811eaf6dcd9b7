package dev.sluice.localstack;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ in this JVM on a free 127.0.0.1 port: a real SQS wire protocol for tests and the demo. */
public final class ElasticMqServer implements AutoCloseable {
  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMqServer(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static ElasticMqServer start() {
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
        .withDynamicPort()
        .withAWSRegion("us-east-1")
        .withAWSAccountId("000000000000")
        .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    return new ElasticMqServer(server, URI.create("http://127.0.0.1:" + port));
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
