package dev.sluice.policy.domain;

/** Which rule refused a request: a bounded set, fit for a metric label. */
public enum DenyCause {
  /** The source bucket/prefix is not on the allow list. */
  SOURCE_NOT_ALLOWED,
  /** The target bucket/prefix is not on the allow list. */
  TARGET_NOT_ALLOWED,
  /** The asset id is on the deny list. */
  ASSET_DENIED,
  /** The tenant is on the deny list. */
  TENANT_DENIED,
  /** The source lies under a denied prefix. */
  SOURCE_PREFIX_DENIED,
  /** The tenant may not request this variant. */
  VARIANT_NOT_ALLOWED,
  /** The source is larger than the maximum. */
  SOURCE_TOO_LARGE,
  /** The media is longer than the maximum duration. */
  DURATION_OVER_LIMIT,
  /** width x height exceeds the maximum pixel count. */
  PIXELS_OVER_LIMIT,
  /** The frame rate exceeds the maximum. */
  FRAME_RATE_OVER_LIMIT,
  /** A stream's codec is not on the allowed list. */
  CODEC_NOT_ALLOWED
}
