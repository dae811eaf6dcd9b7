package dev.sluice.queue.adapter.memory;

import java.time.Instant;
import java.util.Map;

/** A read-only view of a message held by {@link InMemoryJobQueue}, for assertions and the demo. */
public record StoredMessage(
    String id, String body, Map<String, String> attributes, int receiveCount, Instant visibleAt) {}
