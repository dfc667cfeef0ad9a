package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Patient data never reaches a log line or the disk: a record with a recognisable name is matched through every door
 * (REST, FHIR, the web upload, the interest form), then every log event and every file written since is searched.
 */
class PatientPrivacyTest {
  private static final String[] MARKERS = {"Quorrabeth", "Wendeline"};

  @Test
  void recognisableNameAppearsInNoLogAndNoFile() throws Exception {
    TestServers.server();
    Instant start = Instant.now().minusSeconds(1);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    try {
      String bundle = TestServers.resource("/patients/wendeline.json");
      assertThat(bundle).contains(MARKERS[0]);
      assertThat(TestServers.post("/api/v1/match?asOf=2025-06-01", "application/fhir+json", bundle).statusCode())
          .isEqualTo(200);
      assertThat(TestServers.post("/api/v1/match?asOf=bad", "application/fhir+json", bundle).statusCode())
          .isEqualTo(400);
      assertThat(TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json", bundle).statusCode())
          .isEqualTo(200);
      String broken = bundle.replace("\"gender\":\"female\"", "\"gender\":42");
      TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json", broken);
      assertThat(upload("/trials/NCT03364764/check/fhir", bundle).statusCode()).isEqualTo(200);
      // An interest form is stored on purpose when a person sends one (the referral tests cover it); a form posted
      // without its CSRF token is refused and leaves nothing behind.
      assertThat(TestServers.post("/trials/NCT06802055/interest", "application/x-www-form-urlencoded",
          "send=1&name=Wendeline+Quorrabeth&email=wq%40example.org&consentContact=yes&consentShare=yes&a.age=67")
          .statusCode()).isEqualTo(403);
      assertThat(TestServers.post("/trials/NCT03364764/check", "application/x-www-form-urlencoded",
          "a.age=Quorrabeth").statusCode()).isEqualTo(200);
    } finally {
      root.detachAppender(appender);
    }
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : appender.list) {
      lines.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
          : ThrowableProxyUtil.asString(e.getThrowableProxy())));
    }
    assertThat(lines).as("access log lines were written").anyMatch(l -> l.contains("\"route\":\"/api/v1/match\""));
    for (String marker : MARKERS) assertThat(lines).noneMatch(l -> l.contains(marker));
    List<Path> written = new ArrayList<>();
    collect(TestServers.dataDir(), start, written);
    collect(Path.of(System.getProperty("java.io.tmpdir")), start, written);
    collect(Path.of("target"), start, written);
    assertThat(written).as("the registry wrote its files").isNotEmpty();
    for (Path p : written) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(p);
      } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException gone) {
        continue; // another process's temporary file, removed since the walk (this server deletes none of its own)
      }
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      for (String marker : MARKERS) assertThat(text).as(p.toString()).doesNotContain(marker);
    }
  }

  private static void collect(Path dir, Instant since, List<Path> out) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("test-classes"))
          .filter(p -> !p.toString().contains("surefire-reports")).forEach(p -> {
            try {
              BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
              if (a.lastModifiedTime().toInstant().isAfter(since) && a.size() < 200_000_000) out.add(p);
            } catch (IOException ignored) {
              // vanished or unreadable temporary file of another process
            }
          });
    } catch (java.io.UncheckedIOException ignored) {
      // a directory vanished while walking
    }
  }

  static HttpResponse<String> upload(String path, String json) {
    String boundary = "eligo" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"record.json\"\r\n"
        + "Content-Type: application/fhir+json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
    return TestServers.send(HttpRequest.newBuilder(URI.create(TestServers.base() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }
}
