package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** HEAD answers as GET would (status and headers), without a body: link checkers and monitors rely on it. */
class HeadRequestTest {

  private static HttpResponse<String> head(String path) {
    return TestServers.send(HttpRequest.newBuilder(URI.create(TestServers.base() + path))
        .timeout(Duration.ofSeconds(60)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  private static void assertSameAsGet(String path) {
    HttpResponse<String> get = TestServers.get(path);
    HttpResponse<String> head = head(path);
    assertThat(head.statusCode()).as("HEAD %s status", path).isEqualTo(get.statusCode());
    assertThat(head.headers().firstValue("Content-Type")).as("HEAD %s Content-Type", path)
        .isEqualTo(get.headers().firstValue("Content-Type"));
    assertThat(head.body()).as("HEAD %s body", path).isEmpty();
  }

  @Test
  void anUnknownTrialPageIsNotFound() {
    assertThat(head("/trials/NCT99999999").statusCode()).isEqualTo(404);
    assertSameAsGet("/trials/NCT99999999");
  }

  @Test
  void anUnknownStudyInTheApiIsNotFoundAsAProblem() {
    assertThat(head("/api/v1/studies/bogus").statusCode()).isGreaterThanOrEqualTo(400);
    assertSameAsGet("/api/v1/studies/bogus");
  }

  @Test
  void existingPagesAnswerWithTheirContentType() {
    assertSameAsGet("/trials/NCT03364764");
    assertSameAsGet("/api/docs");
    assertSameAsGet("/api/v1/studies/NCT03364764");
    assertSameAsGet("/health");
    assertThat(head("/api/docs").headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/html"));
  }

  @Test
  void aPathThatOnlyTakesPostSaysSo() {
    HttpResponse<String> r = head("/fhir/ResearchStudy/$match");
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
