package dev.sluice.enqueuer.wiring;

/** A configuration value is missing or invalid; the message names the key and what was expected. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
