package dev.sluice.queue.adapter.aws;

import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.FaultKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns whatever the AWS SDK throws into a typed {@link Fault} at the edge, so no SDK exception
 * crosses a port. The classification decides what is retried: throttling, 5xx, timeouts and broken
 * connections are transient; auth, not-found and other 4xx are not.
 */
public final class AwsFaults {
  private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException",
      "ConditionalRequestConflict",
      "RequestThrottled", "SlowDown", "RequestLimitExceeded", "TooManyRequestsException",
      "ProvisionedThroughputExceededException", "AWS.SimpleQueueService.RequestThrottled",
      "KmsThrottled", "KMS.ThrottlingException");
  private static final Set<String> AUTH = Set.of("AccessDenied", "AccessDeniedException",
      "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException",
      "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException", "InvalidSecurity",
      "AuthFailure", "MissingAuthenticationToken", "IncompleteSignature", "InvalidSecurityException",
      "KmsAccessDenied", "KMS.AccessDeniedException", "OptInRequired",
      "RequestExpired");
  private static final Set<String> NOT_FOUND = Set.of("NoSuchBucket", "NoSuchKey", "NotFound",
      "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "NonExistentQueue",
      "ResourceNotFoundException");
  private static final Set<String> LEASE = Set.of("ReceiptHandleIsInvalid", "InvalidReceiptHandle",
      "MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
      "AWS.SimpleQueueService.ReceiptHandleIsInvalid");
  /** SQS answers a handle whose message is gone with a generic code; the message says which field. */
  private static final String INVALID_PARAMETER = "InvalidParameterValue";

  private AwsFaults() {}

  /** The fault for an exception thrown by an SDK call named {@code operation}. */
  public static Fault classify(String operation, Throwable error) {
    String what = operation + " failed: " + describe(error);
    return new Fault(kindOf(error), what);
  }

  /**
   * The fault for one failed entry of an SQS batch call (its error code, message and whether SQS
   * blamed the sender), classified like a whole-call error with the same code.
   */
  public static Fault classifyEntry(String operation, String code, String message, boolean senderFault) {
    FaultKind kind = kindOfCode(String.valueOf(code), String.valueOf(message), senderFault ? 400 : 500);
    return new Fault(kind, operation + " entry failed: " + code + ": " + message);
  }

  static FaultKind kindOf(Throwable error) {
    if (error instanceof AwsServiceException service) {
      return kindOf(service);
    }
    if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
      return FaultKind.TIMEOUT;
    }
    if (error instanceof SdkClientException && String.valueOf(error.getMessage()).contains("credentials")) {
      // "Unable to load credentials from any of the providers in the chain": nothing was sent.
      return FaultKind.UNAUTHORIZED;
    }
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof SocketTimeoutException) {
        return FaultKind.TIMEOUT;
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof IOException || cause instanceof UncheckedIOException) {
        return FaultKind.UNREACHABLE;
      }
      cause = cause.getCause();
    }
    return error instanceof SdkClientException ? FaultKind.UNREACHABLE : FaultKind.REJECTED;
  }

  private static FaultKind kindOf(AwsServiceException e) {
    if (e.isThrottlingException()) {
      return FaultKind.THROTTLED;
    }
    String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    String message = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
    return kindOfCode(code, message, e.statusCode());
  }

  private static FaultKind kindOfCode(String code, String message, int status) {
    if (THROTTLING.contains(code) || status == 429 || status == 503) {
      return FaultKind.THROTTLED;
    }
    if (LEASE.contains(code) || INVALID_PARAMETER.equals(code) && message.contains("ReceiptHandle")) {
      return FaultKind.LEASE_LOST;
    }
    if (AUTH.contains(code) || status == 401 || status == 403) {
      return FaultKind.UNAUTHORIZED;
    }
    if (NOT_FOUND.contains(code) || status == 404) {
      return FaultKind.NOT_FOUND;
    }
    if (status >= 500) {
      return FaultKind.SERVER_ERROR;
    }
    return FaultKind.REJECTED;
  }

  /** A one-line description that names the error code but never echoes credentials or headers. */
  static String describe(Throwable error) {
    if (error instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      return e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + "): "
          + e.awsErrorDetails().errorMessage();
    }
    if (error instanceof SdkException && error.getCause() != null) {
      return error.getClass().getSimpleName() + ": " + error.getCause().getClass().getSimpleName()
          + ": " + error.getCause().getMessage();
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }
}
