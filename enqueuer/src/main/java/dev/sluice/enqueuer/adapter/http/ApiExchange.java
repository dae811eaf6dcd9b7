package dev.sluice.enqueuer.adapter.http;

import dev.sluice.enqueuer.port.EnqueueTelemetry;
import dev.sluice.enqueuer.port.RequestTrace;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The envelope of every {@code /v1} call, in one place so no route can skip a step: start the
 * server span (child of an incoming {@code traceparent}), check the bearer token, read the body up
 * to the size limit, run the route's work under the request deadline, write the JSON answer and
 * end the span with its status. Work still running at the deadline is interrupted and answered
 * 503; a job it manages to send afterwards is found by dedup when the client retries.
 */
final class ApiExchange {
  private static final Logger log = LoggerFactory.getLogger(ApiExchange.class);

  /** What a route does with the request body, under the request's trace. */
  @FunctionalInterface
  interface Work {
    ApiResponse apply(byte[] body, RequestTrace trace) throws Exception;
  }

  private final EnqueueTelemetry telemetry;
  private final BearerTokens tokens;
  private final HttpSettings settings;
  private final ApiJson json;
  private final ExecutorService threads;

  ApiExchange(EnqueueTelemetry telemetry, BearerTokens tokens, HttpSettings settings, ApiJson json,
      ExecutorService threads) {
    this.telemetry = telemetry;
    this.tokens = tokens;
    this.settings = settings;
    this.json = json;
    this.threads = threads;
  }

  Handler route(String route, Work work) {
    return ctx -> serve(ctx, route, work);
  }

  private void serve(Context ctx, String route, Work work) {
    RequestTrace trace = telemetry.beginHttp(ctx.method().name(), route,
        Optional.ofNullable(ctx.header("traceparent")), Optional.ofNullable(ctx.header("tracestate")));
    MDC.put("trace_id", trace.traceId());
    long started = System.nanoTime();
    int status = 500;
    try {
      ApiResponse response = answer(ctx, trace, work);
      status = response.status();
      ctx.status(status).contentType("application/json").result(json.bytes(response.body()));
      response.headers().forEach(ctx::header);
    } finally {
      trace.end(status);
      log.info("{} {} {} in {} ms", ctx.method(), route, status, (System.nanoTime() - started) / 1_000_000);
      MDC.remove("trace_id");
    }
  }

  private ApiResponse answer(Context ctx, RequestTrace trace, Work work) {
    if (!tokens.accepts(ctx.header("Authorization"))) {
      return json.error(401, trace.traceId(), "unauthorized", "A valid bearer token is required:"
          + " send 'Authorization: Bearer <token>'.").header("WWW-Authenticate", "Bearer realm=\"sluice\"");
    }
    byte[] body;
    try {
      body = body(ctx);
    } catch (IOException e) {
      return json.error(400, trace.traceId(), "invalid_request", "The body could not be read: "
          + e.getMessage() + ".");
    }
    if (body == null) {
      return json.error(413, trace.traceId(), "body_too_large", "The body is larger than "
          + settings.maxBodyBytes() + " bytes (SLUICE_MAX_BODY_BYTES); split it into smaller requests.");
    }
    return underDeadline(body, trace, work);
  }

  private ApiResponse underDeadline(byte[] body, RequestTrace trace, Work work) {
    Future<ApiResponse> running = threads.submit(() -> {
      MDC.put("trace_id", trace.traceId());
      try {
        return work.apply(body, trace);
      } finally {
        MDC.remove("trace_id");
      }
    });
    try {
      return running.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      log.warn("Request timed out after {}", settings.requestTimeout());
      return json.error(503, trace.traceId(), "timeout", "The request was not answered within "
          + settings.requestTimeout() + "; retry it (jobs it did enqueue are found by dedup).")
          .retryAfter(settings.retryAfter());
    } catch (ExecutionException e) {
      log.error("Request failed", e.getCause());
      return json.error(500, trace.traceId(), "internal_error", "The enqueuer failed: "
          + e.getCause().getClass().getSimpleName() + "; see its log for trace " + trace.traceId() + ".");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      return json.error(503, trace.traceId(), "shutting_down", "The enqueuer is stopping; retry.")
          .retryAfter(settings.retryAfter());
    }
  }

  /** The body, or null when it is over the limit (read no further than one byte past it). */
  private byte[] body(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > settings.maxBodyBytes()) {
      return null;
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
      return bytes.length > settings.maxBodyBytes() ? null : bytes;
    }
  }
}
