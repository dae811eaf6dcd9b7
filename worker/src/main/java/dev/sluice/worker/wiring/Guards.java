package dev.sluice.worker.wiring;

import dev.sluice.queue.adapter.resilient.DependencyGuard;

/** The worker's guarded dependencies; their breaker and retry events feed metrics (issue E). */
public record Guards(DependencyGuard sqs, DependencyGuard s3Source, DependencyGuard s3Output) {}
