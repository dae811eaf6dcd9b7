package dev.sluice.worker.adapter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.contract.domain.Job;
import dev.sluice.worker.app.AssetRedaction;
import dev.sluice.worker.app.TelemetryWorld;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A JSON log line written during a job carries its trace id and job id (the production encoder). */
class JsonLogLineTest {
  @TempDir Path workDir;

  @Test
  void outcomeLineHasTraceIdAndJobId() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger("dev.sluice.worker.app.WorkerLoop");
    Level before = logger.getLevel();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(sink);
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    try {
      OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
      TelemetryWorld world = new TelemetryWorld(workDir,
          new OtelJobTelemetry(otel, new WorkerMetrics(otel.getMeter("t")), new AssetRedaction(false)));
      Job job = world.sourceAndJob("asset-log");
      world.sendWithTraceparent(job, null);
      world.runOnce();
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
    String line = sink.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("ended")).findFirst().orElseThrow();
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("message").asText()).startsWith("Job ").contains("ended Succeeded");
    assertThat(json.path("trace_id").asText()).matches("[0-9a-f]{32}");
    assertThat(json.path("span_id").asText()).matches("[0-9a-f]{16}");
    assertThat(json.path("job_id").asText()).isNotBlank();
  }
}
