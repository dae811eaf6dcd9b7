package dev.sluice.enqueuer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layering of HOUSE-STYLE.md true for the enqueuer: SDKs live only in adapters and wiring. */
@AnalyzeClasses(packages = "dev.sluice.enqueuer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainAndPortsStayFreeOfSdks = noClasses()
      .that().resideInAnyPackage("dev.sluice.enqueuer.domain..", "dev.sluice.enqueuer.port..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon..", "io.opentelemetry..", "dagger..", "io.javalin..",
          "com.fasterxml.jackson..", "javax.inject..", "io.github.resilience4j..")
      .as("domain and port packages use no AWS, OTel, Dagger, Javalin, Jackson or Resilience4j");

  @ArchTest
  static final ArchRule appStaysFreeOfSdks = noClasses()
      .that().resideInAPackage("dev.sluice.enqueuer.app..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon..", "io.opentelemetry..", "io.javalin..", "com.fasterxml.jackson..")
      .as("admission reaches AWS, tracing and HTTP only through ports");

  @ArchTest
  static final ArchRule onlyTheWiringKnowsTheAdapters = noClasses()
      .that().resideInAnyPackage("dev.sluice.enqueuer.app..", "dev.sluice.enqueuer.domain..",
          "dev.sluice.enqueuer.port..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.enqueuer.adapter..",
          "dev.sluice.queue.adapter..")
      .as("app, domain and ports never name an adapter");

  @ArchTest
  static final ArchRule adaptersDoNotReachIntoEachOther = noClasses()
      .that().resideInAnyPackage("dev.sluice.enqueuer.adapter.aws..", "dev.sluice.enqueuer.adapter.memory..",
          "dev.sluice.enqueuer.adapter.otel..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.enqueuer.adapter.http..",
          "dev.sluice.enqueuer.wiring..")
      .as("storage, queue and tracing adapters know nothing of HTTP or wiring");

  @ArchTest
  static final ArchRule theOtelSdkIsBuiltOnlyInTheWiring = noClasses()
      .that().resideOutsideOfPackage("dev.sluice.enqueuer.wiring..")
      .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry.sdk..")
      .as("only the wiring builds the OpenTelemetry SDK; adapters use the API");
}
