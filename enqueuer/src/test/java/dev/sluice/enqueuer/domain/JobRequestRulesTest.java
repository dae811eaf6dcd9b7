package dev.sluice.enqueuer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.contract.domain.Priority;
import dev.sluice.contract.preset.BundledCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The field rules in their fixed order, with the field, rule and value in every refusal. */
class JobRequestRulesTest {
  final JobRequestRules rules = new JobRequestRules(BundledCatalogue.load());

  static RawJobRequest valid() {
    return new RawJobRequest("clip-1", null, "s3://media-in/uploads/clip.mp4", null,
        List.of("h264-720p"), "s3://media-out/renditions/", null);
  }

  RequestProblem problem(RawJobRequest raw) {
    JobRequestRules.Checked checked = rules.check(raw);
    assertThat(checked).isInstanceOf(JobRequestRules.Checked.Invalid.class);
    return ((JobRequestRules.Checked.Invalid) checked).problem();
  }

  @Test
  void aValidRequestKeepsItsValuesAndDefaultsToNormalPriority() {
    JobRequestRules.Checked checked = rules.check(valid());
    assertThat(checked).isInstanceOfSatisfying(JobRequestRules.Checked.Valid.class, v -> {
      assertThat(v.request().source().toUri()).isEqualTo("s3://media-in/uploads/clip.mp4");
      assertThat(v.request().priority()).isEqualTo(Priority.NORMAL);
      assertThat(v.request().rateKey()).isEqualTo("-");
    });
  }

  @Test
  void theFirstBrokenRuleInContractOrderIsReported() {
    RawJobRequest manyFaults = new RawJobRequest("../x", "bad tenant", "http://x", "XYZ", List.of(),
        "s3://b/no-slash", "urgent");
    RequestProblem p = problem(manyFaults);
    assertThat(p.field()).isEqualTo("assetId");
    assertThat(p.rule()).isEqualTo("format");
    assertThat(p.message()).contains("'../x'");
  }

  @Test
  void anUnknownVariantNamesThePresetsThatExist() {
    RequestProblem p = problem(new RawJobRequest("clip-1", null, "s3://media-in/uploads/clip.mp4", null,
        List.of("h264-720p", "h264-9000p"), "s3://media-out/renditions/", null));
    assertThat(p.field()).isEqualTo("variants[1]");
    assertThat(p.rule()).isEqualTo("unknown_variant");
    assertThat(p.message()).contains("h264-9000p", "thumb-jpeg");
  }

  @Test
  void aHostileValueIsEscapedAndCutInTheMessage() {
    String hostile = "a\u202eb\nc" + "x".repeat(200);
    RequestProblem p = problem(new RawJobRequest(hostile, null, null, null, null, null, null));
    assertThat(p.message()).doesNotContain("\n").doesNotContain("\u202e").contains("\\u202e", "…'");
  }
}
