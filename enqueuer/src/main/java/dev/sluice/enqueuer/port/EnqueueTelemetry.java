package dev.sluice.enqueuer.port;

import java.util.Optional;

/**
 * Tracing as the enqueuer needs it, kept behind a port so the exporter (and the whole SDK) can be
 * swapped in the wiring without touching the admission code. One {@link RequestTrace} per request,
 * one {@link PublishTrace} per job sent under it.
 */
public interface EnqueueTelemetry {

  /**
   * Starts the span of one HTTP request. A valid {@code traceparent} (with its {@code tracestate})
   * makes it a child of the caller's span; a missing or malformed one starts a new trace.
   */
  RequestTrace beginHttp(String method, String route, Optional<String> traceparent,
      Optional<String> tracestate);

  /** Starts the span of one command-line enqueue run ({@code sluice enqueue --direct}). */
  RequestTrace beginCommand(String name);
}
