package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The HTTP-only server of {@code eligo bench http} measures HTTP's cost for the match request only if it does what
 * the real route does around matching: refuses what the real route refuses before the record is read (the record's
 * JSON is read, and its syntax checked, by the FHIR reader: matching's cost) and answers the bytes it was given.
 */
class FixedAnswerServerTest {
  private static final String ANSWER = "{\"results\":[{\"trialId\":\"NCT02979873\",\"verdict\":\"NEEDS_INFO\"}]}";

  @Test
  void answersTheGivenBytesAndChecksTheBodyAsTheRealRouteDoes() {
    try (FixedAnswerServer server = FixedAnswerServer.start(ServerConfig.defaults().withPort(0),
        ANSWER.getBytes(StandardCharsets.UTF_8))) {
      String uri = "http://127.0.0.1:" + server.port() + "/api/v1/match";
      HttpResponse<String> ok = send(uri, "application/fhir+json", "{\"resourceType\":\"Bundle\"}");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo(ANSWER);
      assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/json"));

      HttpResponse<String> empty = send(uri, "application/fhir+json", " ");
      assertThat(empty.statusCode()).isEqualTo(400);
      HttpResponse<String> notJson = send(uri, "text/plain", "{}");
      assertThat(notJson.statusCode()).isEqualTo(415);
    }
  }

  private static HttpResponse<String> send(String uri, String type, String body) {
    return TestServers.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }
}
