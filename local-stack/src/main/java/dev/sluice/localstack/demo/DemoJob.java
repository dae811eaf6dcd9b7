package dev.sluice.localstack.demo;

import java.util.Optional;

/**
 * One message the demo sends and the outcome it expects, e.g. "Succeeded" or "Dropped/TAMPERED".
 *
 * @param label what the job demonstrates
 * @param jobId the contract job id, or empty for a body that has none (malformed)
 * @param variant the preset, or "-"
 * @param body the message body
 * @param expected the expected outcome, as "Kind" or "Kind/CAUSE"
 */
record DemoJob(String label, Optional<String> jobId, String variant, String body, String expected) {}
