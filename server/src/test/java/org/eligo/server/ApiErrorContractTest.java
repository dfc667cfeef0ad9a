package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error case of the REST API answers RFC 9457 problem details with the right status and type, a precise
 * message, and never a stack trace.
 */
class ApiErrorContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLE = TestServers.resource("/patients/wendeline.json");
  private static final String FHIR = "application/fhir+json";

  static Stream<Arguments> cases() {
    return Stream.of(
        // method, path, content type, body, status, problem slug, words the detail must contain
        Arguments.of("GET", "/api/v1/studies?query.cnd=anemia", null, null, 400, "unknown-parameter", "query.cnd"),
        Arguments.of("GET", "/api/v1/studies?pageSize=ten", null, null, 400, "invalid-parameter", "pageSize"),
        Arguments.of("GET", "/api/v1/studies?pageSize=0", null, null, 400, "invalid-parameter", "pageSize"),
        Arguments.of("GET", "/api/v1/studies?filter.overallStatus=OPENISH", null, null, 400, "invalid-parameter",
            "OPENISH"),
        Arguments.of("GET", "/api/v1/studies?filter.geo=near(here)", null, null, 400, "invalid-parameter",
            "filter.geo"),
        Arguments.of("GET", "/api/v1/studies?asOf=2025-13-40", null, null, 400, "invalid-date", "asOf"),
        Arguments.of("GET", "/api/v1/studies?sort=distance", null, null, 400, "invalid-parameter", "geo"),
        Arguments.of("GET", "/api/v1/studies?sort=alphabetical", null, null, 400, "invalid-parameter", "sort"),
        Arguments.of("GET", "/api/v1/studies?pageToken=garbage", null, null, 400, "invalid-parameter", "token"),
        Arguments.of("GET", "/api/v1/studies/NCT123", null, null, 400, "invalid-nct-id", "NCT123"),
        Arguments.of("GET", "/api/v1/studies/NCT00000000", null, null, 404, "not-found", "NCT00000000"),
        Arguments.of("GET", "/api/v1/studies/NCT00000000/criteria", null, null, 404, "not-found", "NCT00000000"),
        Arguments.of("GET", "/api/v1/studies/NCT00000000/related", null, null, 404, "not-found", "NCT00000000"),
        Arguments.of("GET", "/api/v1/studies/NCT00000000/evidence", null, null, 404, "not-found", "NCT00000000"),
        Arguments.of("GET", "/api/v1/studies/NCT03364764/related?limit=0", null, null, 400, "invalid-parameter",
            "limit"),
        Arguments.of("GET", "/api/v1/studies/NCT03364764?fields=all", null, null, 400, "unknown-parameter", "fields"),
        Arguments.of("GET", "/api/v1/evidence?x=1", null, null, 400, "unknown-parameter", "x"),
        Arguments.of("GET", "/api/v1/nothing-here", null, null, 404, "not-found", "/api/v1/nothing-here"),
        Arguments.of("POST", "/api/v1/match", "text/plain", BUNDLE, 415, "unsupported-media-type", "text/plain"),
        Arguments.of("POST", "/api/v1/match", FHIR, "{\"resourceType\": \"Bundle\", ", 400, "malformed-json", "line"),
        Arguments.of("POST", "/api/v1/match", FHIR, "", 400, "bad-request", "empty"),
        Arguments.of("POST", "/api/v1/match", FHIR, "{\"resourceType\": \"Bundle\"} trailing", 400, "malformed-json",
            "column 28"),
        Arguments.of("POST", "/api/v1/match", FHIR, "{\"resourceType\":\"Spaceship\"}", 422, "invalid-fhir",
            "resourceType"),
        Arguments.of("POST", "/api/v1/match", FHIR, "[1, 2]", 422, "invalid-fhir", "array"),
        Arguments.of("POST", "/api/v1/match", FHIR, "{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":{}}}", 422,
            "invalid-fhir", "not a JSON array"),
        Arguments.of("POST", "/api/v1/match?asOf=yesterday", FHIR, BUNDLE, 400, "invalid-date", "asOf"),
        Arguments.of("POST", "/api/v1/match?all=perhaps", FHIR, BUNDLE, 400, "invalid-parameter", "all"),
        Arguments.of("POST", "/api/v1/match?trial=NCT-1", FHIR, BUNDLE, 400, "invalid-nct-id", "NCT-1"),
        Arguments.of("POST", "/api/v1/match?trial=NCT00000000", FHIR, BUNDLE, 404, "not-found", "NCT00000000"),
        Arguments.of("POST", "/api/v1/match?patient=me", FHIR, BUNDLE, 400, "unknown-parameter", "patient"),
        Arguments.of("POST", "/api/v1/studies", "application/json", "{}", 401, "unauthorized", "Bearer"),
        Arguments.of("GET", "/api/v1/match", null, null, 405, "method-not-allowed", "POST"),
        Arguments.of("GET", "/api/v1/studies?filter.geo=distance(Atlantis,50km)", null, null, 400, "invalid-parameter",
            "Atlantis"),
        Arguments.of("GET", "/api/v1/studies?filter.geo=distance(39.9,116.4)", null, null, 400, "invalid-parameter",
            "two numbers"),
        Arguments.of("GET", "/api/v1/studies?query.term=(((", null, null, 400, "invalid-parameter", "brackets"),
        Arguments.of("GET", "/api/v1/studies?filter.age=old", null, null, 400, "invalid-parameter", "18m"),
        Arguments.of("GET", "/api/v1/studies?filter.advanced=AREA%5BPhase%5DPHASE2", null, null, 400,
            "invalid-parameter", "AREA[StartDate]RANGE"),
        Arguments.of("GET", "/api/v1/studies?filter.advanced=AREA%5BStartDate%5DRANGE%5B2024-13-01,MAX%5D", null,
            null, 400, "invalid-parameter", "2024-13-01"),
        Arguments.of("GET", "/api/v1/studies/NCT03364764?fields=x", null, null, 400, "unknown-parameter",
            "takes no query parameters"),
        Arguments.of("POST", "/api/v1/match", FHIR, "{\"foo\":1}", 422, "invalid-fhir", "has no resourceType"),
        Arguments.of("POST", "/api/v1/match", FHIR, "[".repeat(1500) + "]".repeat(1500), 400, "malformed-json",
            "nested more than 1000 levels deep"),
        // read by the FHIR reader alone since the route stopped walking the body first: still says which limit
        Arguments.of("POST", "/api/v1/match", FHIR, "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":" + "7".repeat(1200) + "}}}]}", 400,
            "malformed-json", "a number longer than 1000 digits"));
  }

  @ParameterizedTest(name = "{0} {1} -> {4} {5}")
  @MethodSource("cases")
  void answersProblemDetails(String method, String path, String type, String body, int status, String slug,
                             String mentions) throws Exception {
    HttpResponse<String> r = method.equals("GET") ? TestServers.get(path) : TestServers.post(path, type, body);
    assertProblem(r, status, slug, mentions);
  }

  static void assertProblem(HttpResponse<String> r, int status, String slug, String mentions) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/problem+json").containsIgnoringCase("charset=utf-8"));
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.path("type").asText()).isEqualTo("/api/docs#problem-" + slug);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).containsIgnoringCase(mentions);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
  }
}
