package dev.sluice.worker.adapter.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import software.amazon.awssdk.core.interceptor.Context.AfterExecution;
import software.amazon.awssdk.core.interceptor.Context.BeforeExecution;
import software.amazon.awssdk.core.interceptor.Context.FailedExecution;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * One CLIENT span per AWS SDK call ({@code S3.HeadObject}, {@code Sqs.ReceiveMessage}), a child of
 * whatever span is current — the pipeline makes each stage current, so calls nest under the stage
 * that made them. Written here because the OpenTelemetry AWS SDK instrumentation releases that
 * resolve from Maven Central as reached here (2.20.1–2.23.0-alpha) need an API class that OTel
 * 1.68 no longer has.
 */
public final class AwsClientSpans implements ExecutionInterceptor {
  private static final ExecutionAttribute<Span> SPAN = new ExecutionAttribute<>("sluice.otel.span");
  private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

  private final Tracer tracer;

  public AwsClientSpans(OpenTelemetry otel) {
    this.tracer = otel.getTracer("dev.sluice.aws-sdk");
  }

  @Override
  public void beforeExecution(BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Span span = tracer.spanBuilder(service + "." + operation).setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current())
        .setAttribute(RPC_SYSTEM, "aws-api").setAttribute(RPC_SERVICE, service).setAttribute(RPC_METHOD, operation)
        .startSpan();
    attributes.putAttribute(SPAN, span);
  }

  @Override
  public void afterExecution(AfterExecution context, ExecutionAttributes attributes) {
    Span span = attributes.getAttribute(SPAN);
    if (span != null) {
      span.setAttribute(HTTP_STATUS, (long) context.httpResponse().statusCode());
      span.end();
    }
  }

  @Override
  public void onExecutionFailure(FailedExecution context, ExecutionAttributes attributes) {
    Span span = attributes.getAttribute(SPAN);
    if (span != null) {
      context.httpResponse().ifPresent(r -> span.setAttribute(HTTP_STATUS, (long) r.statusCode()));
      span.setStatus(StatusCode.ERROR, context.exception().getClass().getSimpleName());
      span.end();
    }
  }
}
