package dev.sluice.queue.adapter.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients Sluice uses. In production everything comes from the SDK's standard
 * chain — {@code AWS_REGION}, {@code AWS_ENDPOINT_URL[_SQS|_S3]}, profiles, web identity (IRSA) —
 * so there are no Sluice-specific endpoint variables. {@link #local} points both clients at a local
 * stack with dummy credentials, for tests and the demo.
 *
 * @param region the region, or empty for the SDK's region chain
 * @param endpoint an explicit endpoint for both services, or empty for the SDK's endpoint chain
 * @param credentials the credentials provider (the SDK default chain in production)
 * @param pathStyle address buckets by path (S3-compatible stores that lack virtual hosts)
 * @param maxConnections HTTP connection pool size per client
 * @param interceptors SDK interceptors added to every client (request counting, tracing)
 */
public record AwsClients(Optional<Region> region, Optional<URI> endpoint,
    AwsCredentialsProvider credentials, boolean pathStyle, int maxConnections,
    List<ExecutionInterceptor> interceptors) {

  public AwsClients {
    interceptors = List.copyOf(interceptors);
  }

  public static AwsClients standard(boolean pathStyle) {
    return new AwsClients(Optional.empty(), Optional.empty(), DefaultCredentialsProvider.builder().build(),
        pathStyle, 64, List.of());
  }

  public static AwsClients local(URI endpoint) {
    return new AwsClients(Optional.of(Region.US_EAST_1), Optional.of(endpoint),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("sluice-local", "sluice-local")), true, 16,
        List.of());
  }

  /** The same settings with an interceptor added to every client built (e.g. a {@link RequestCounter}). */
  public AwsClients with(ExecutionInterceptor interceptor) {
    var all = new java.util.ArrayList<>(interceptors);
    all.add(interceptor);
    return new AwsClients(region, endpoint, credentials, pathStyle, maxConnections, all);
  }

  public SqsClient sqs() {
    var b = SqsClient.builder().httpClient(http()).credentialsProvider(credentials)
        .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
    region.ifPresent(b::region);
    endpoint.ifPresent(b::endpointOverride);
    return b.build();
  }

  public S3Client s3() {
    var b = S3Client.builder().httpClient(http()).credentialsProvider(credentials)
        .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor))
        // The worker hashes every source itself (the digest admitted at enqueue); the SDK's own
        // response validation would hash each GET a second time.
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    region.ifPresent(b::region);
    endpoint.ifPresent(b::endpointOverride);
    return b.build();
  }

  private SdkHttpClient http() {
    return ApacheHttpClient.builder()
        .maxConnections(maxConnections)
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(60))
        .build();
  }
}
