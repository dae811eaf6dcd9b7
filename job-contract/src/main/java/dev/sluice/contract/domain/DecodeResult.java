package dev.sluice.contract.domain;

/**
 * What decoding a queue message body gave: a valid {@link Job}, or a rejection that names the
 * field and the rule it broke. A poison message is an expected value here, never an exception.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected {

  record Decoded(Job job) implements DecodeResult {}

  /**
   * @param field the JSON path of the offending field ({@code "$"} for the body as a whole)
   * @param reason a full sentence a person can act on
   */
  record Rejected(String field, String reason) implements DecodeResult {
    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }
}
