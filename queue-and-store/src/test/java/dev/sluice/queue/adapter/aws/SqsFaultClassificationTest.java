package dev.sluice.queue.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.queue.port.FaultKind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** How SQS errors, as the SDK throws them, become the port's fault kinds (which decide retries). */
class SqsFaultClassificationTest {

  private static AwsServiceException sqs(String code, int status, String message) {
    return SqsException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Sqs").build())
        .statusCode(status).message(message).build();
  }

  @ParameterizedTest(name = "{0} (HTTP {1}) -> {2}")
  @CsvSource({
      "QueueDoesNotExist, 400, NOT_FOUND",
      "AWS.SimpleQueueService.NonExistentQueue, 400, NOT_FOUND",
      "ReceiptHandleIsInvalid, 400, LEASE_LOST",
      "AWS.SimpleQueueService.MessageNotInflight, 400, LEASE_LOST",
      "RequestThrottled, 400, THROTTLED",
      "KmsThrottled, 400, THROTTLED",
      "ServiceUnavailable, 503, THROTTLED",
      "InvalidClientTokenId, 403, UNAUTHORIZED",
      "SignatureDoesNotMatch, 403, UNAUTHORIZED",
      "AccessDenied, 403, UNAUTHORIZED",
      "KmsAccessDenied, 400, UNAUTHORIZED",
      "InternalError, 500, SERVER_ERROR",
      "InvalidAttributeValue, 400, REJECTED",
      "InvalidMessageContents, 400, REJECTED",
      "SomethingNew, 404, NOT_FOUND",
  })
  void serviceErrorsAreClassifiedByCodeThenStatus(String code, int status, FaultKind kind) {
    var fault = AwsFaults.classify("ReceiveMessage", sqs(code, status, "as SQS said it"));
    assertThat(fault.kind()).isEqualTo(kind);
    assertThat(fault.detail()).startsWith("ReceiveMessage failed: ").contains(code).contains("HTTP " + status);
  }

  @Test
  void invalidParameterNamingTheReceiptHandleMeansTheLeaseIsGone() {
    var gone = sqs("InvalidParameterValue", 400, "Value abc for parameter ReceiptHandle is invalid. Reason: "
        + "Message does not exist or is not available for visibility timeout change.");
    var other = sqs("InvalidParameterValue", 400, "Value 99999 for parameter VisibilityTimeout is invalid.");
    assertThat(AwsFaults.classify("ChangeMessageVisibility", gone).kind()).isEqualTo(FaultKind.LEASE_LOST);
    assertThat(AwsFaults.classify("ChangeMessageVisibility", other).kind()).isEqualTo(FaultKind.REJECTED);
  }

  @Test
  void batchEntriesAreClassifiedLikeWholeCalls() {
    assertThat(AwsFaults.classifyEntry("DeleteMessageBatch", "ReceiptHandleIsInvalid", "not valid", true).kind())
        .isEqualTo(FaultKind.LEASE_LOST);
    assertThat(AwsFaults.classifyEntry("DeleteMessageBatch", "InternalError", "oops", false).kind())
        .isEqualTo(FaultKind.SERVER_ERROR);
    assertThat(AwsFaults.classifyEntry("DeleteMessageBatch", "InvalidParameterValue", "bad", true).kind())
        .isEqualTo(FaultKind.REJECTED);
    assertThat(AwsFaults.classifyEntry("SendMessageBatch", "RequestThrottled", "slow", false).kind())
        .isEqualTo(FaultKind.THROTTLED);
    assertThat(AwsFaults.classifyEntry("DeleteMessageBatch", "ReceiptHandleIsInvalid", "not valid", true).detail())
        .isEqualTo("DeleteMessageBatch entry failed: ReceiptHandleIsInvalid: not valid");
  }

  @Test
  void clientSideFailuresAreTransportOrTimeoutOrCredentials() {
    var refused = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new ConnectException("Connection refused")).build();
    var slow = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new SocketTimeoutException("Read timed out")).build();
    var noCredentials = SdkClientException.builder()
        .message("Unable to load credentials from any of the providers in the chain").build();
    assertThat(AwsFaults.classify("ReceiveMessage", refused).kind()).isEqualTo(FaultKind.UNREACHABLE);
    assertThat(AwsFaults.classify("ReceiveMessage", refused).detail()).contains("Connection refused");
    assertThat(AwsFaults.classify("ReceiveMessage", slow).kind()).isEqualTo(FaultKind.TIMEOUT);
    assertThat(AwsFaults.classify("ReceiveMessage", noCredentials).kind()).isEqualTo(FaultKind.UNAUTHORIZED);
    assertThat(AwsFaults.classify("ReceiveMessage",
        ApiCallTimeoutException.create(Duration.ofSeconds(1).toMillis())).kind()).isEqualTo(FaultKind.TIMEOUT);
    assertThat(AwsFaults.classify("ReceiveMessage",
        ApiCallAttemptTimeoutException.create(1000)).kind()).isEqualTo(FaultKind.TIMEOUT);
  }

  @Test
  void onlyTheRetryableKindsAreTransient() {
    assertThat(AwsFaults.classify("x", sqs("RequestThrottled", 400, "slow")).kind().transientFault()).isTrue();
    assertThat(AwsFaults.classify("x", sqs("InternalError", 500, "oops")).kind().transientFault()).isTrue();
    assertThat(AwsFaults.classify("x", sqs("ReceiptHandleIsInvalid", 400, "gone")).kind().transientFault())
        .isFalse();
    assertThat(AwsFaults.classify("x", sqs("QueueDoesNotExist", 400, "no")).kind().transientFault()).isFalse();
  }
}
