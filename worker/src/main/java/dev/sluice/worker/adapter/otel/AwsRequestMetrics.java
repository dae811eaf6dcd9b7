package dev.sluice.worker.adapter.otel;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts every AWS request (retries included) into {@code sluice.aws.requests}: the cost model. */
public final class AwsRequestMetrics implements ExecutionInterceptor {
  private final WorkerMetrics metrics;

  public AwsRequestMetrics(WorkerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    metrics.awsRequest(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }
}
