package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Fails when the OpenAPI document and the served routes or their query parameters drift apart. */
class OpenApiDriftTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode document() throws Exception {
    HttpResponse<String> r = TestServers.get("/api/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api") || path.startsWith("/fhir") || Set.of("/health", "/ready", "/metrics")
        .contains(path);
  }

  @Test
  void everyServedApiRouteIsDocumentedAndNothingElse() throws Exception {
    Set<String> served = new TreeSet<>();
    for (RouteTable.Route r : TestServers.server().routes()) {
      if (isApi(r.path())) served.add(r.method().toUpperCase(Locale.ROOT) + " " + r.path());
    }
    Set<String> documented = new TreeSet<>();
    document().path("paths").properties().forEach(p -> p.getValue().properties()
        .forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey())));
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void documentedQueryParametersAreExactlyTheAcceptedOnes() throws Exception {
    JsonNode paths = document().path("paths");
    int checked = 0;
    for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) paths.properties()::iterator) {
      if (!path.getKey().startsWith("/api/")) continue;
      for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue().properties()::iterator) {
        Set<String> documented = new TreeSet<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          if (p.path("in").asText().equals("query")) documented.add(p.path("name").asText());
        }
        String url = path.getKey().replace("{nctId}", "NCT03364764") + "?zz_drift_probe=1";
        HttpResponse<String> r = op.getKey().equals("get") ? TestServers.get(url)
            : TestServers.post(url, "application/json", "{}");
        if (path.getKey().equals("/api/docs")) {
          assertThat(r.statusCode()).isEqualTo(400);
          continue;
        }
        assertThat(r.statusCode()).as(op.getKey() + " " + path.getKey()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("type").asText()).endsWith("unknown-parameter");
        Set<String> accepted = new TreeSet<>();
        problem.path("accepted").forEach(a -> accepted.add(a.asText()));
        assertThat(accepted).as(op.getKey() + " " + path.getKey()).isEqualTo(documented);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  @Test
  void docsPageIsBrowsable() {
    HttpResponse<String> r = TestServers.get("/api/docs");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("POST /api/v1/match").contains("query.cond").contains("id=\"problem-invalid-fhir\"")
        .contains("RFC 9457 problem details").doesNotContain("#/components/");
  }
}
