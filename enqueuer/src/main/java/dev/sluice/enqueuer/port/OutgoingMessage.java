package dev.sluice.enqueuer.port;

import java.util.Map;
import java.util.Objects;

/** One message to send: the job body as the contract spells it, and its string attributes. */
public record OutgoingMessage(String body, Map<String, String> attributes) {
  public OutgoingMessage {
    Objects.requireNonNull(body, "body");
    attributes = Map.copyOf(attributes);
  }
}
