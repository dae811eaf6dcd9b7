package dev.sluice.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layering of HOUSE-STYLE.md true: SDKs live only in adapters and wiring. */
@AnalyzeClasses(packages = "dev.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainAndPortsStayFreeOfSdks = noClasses()
      .that().resideInAnyPackage("..domain..", "..port..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon..", "io.opentelemetry.sdk..", "dagger..", "org.bytedeco..",
          "com.fasterxml.jackson..", "javax.inject..")
      .as("domain and port packages use no AWS, OTel SDK, Dagger, Bytedeco or Jackson");

  @ArchTest
  static final ArchRule appStaysFreeOfSdks = noClasses()
      .that().resideInAPackage("dev.sluice.worker.app..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon..", "io.opentelemetry.sdk..", "org.bytedeco..")
      .as("the pipeline reaches AWS, OTel and FFmpeg only through ports");

  @ArchTest
  static final ArchRule onlyTheWiringKnowsTheAdapters = noClasses()
      .that().resideInAnyPackage("dev.sluice.worker.app..", "dev.sluice.worker.domain..",
          "dev.sluice.worker.port..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.worker.adapter..", "dev.sluice.queue.adapter..")
      .as("app, domain and ports never name an adapter");
}
