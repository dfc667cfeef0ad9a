package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real answers conform to the response schemas the OpenAPI document gives for them: every field an answer carries is
 * declared with its type (and enum values, and nullability), and every field the schema requires is there. Fails when
 * the code adds, renames or retypes a field and the document is not updated, or the reverse.
 */
class OpenApiSchemaConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLE = TestServers.resource("/patients/wendeline.json");

  static List<Arguments> answers() {
    return List.of(
        Arguments.of("GET", "/api/v1/studies", "/api/v1/studies?query.cond=aplastic%20anemia&pageSize=3", "200"),
        Arguments.of("GET", "/api/v1/studies", "/api/v1/studies?query.cond=anemia&pageSize=1", "200"),
        Arguments.of("GET", "/api/v1/studies/{nctId}/criteria", "/api/v1/studies/NCT03364764/criteria", "200"),
        Arguments.of("GET", "/api/v1/studies/{nctId}/related", "/api/v1/studies/NCT03364764/related", "200"),
        Arguments.of("POST", "/api/v1/match", "/api/v1/match?asOf=2025-06-01&all=true&limit=50", "200"),
        Arguments.of("GET", "/ready", "/ready", "200"),
        Arguments.of("GET", "/health", "/health", "200"),
        Arguments.of("GET", "/api/v1/studies", "/api/v1/studies?pageSize=0", "400"),
        Arguments.of("GET", "/api/v1/studies", "/api/v1/studies?nope=1", "400"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("answers")
  void answerConformsToItsDocumentedSchema(String method, String path, String url, String status) throws Exception {
    conforms(method, path, url, status, BUNDLE);
  }

  @org.junit.jupiter.api.Test
  void theAnswerForAPatientWhoHasDiedConformsToo() throws Exception {
    conforms("POST", "/api/v1/match", "/api/v1/match?asOf=2025-06-01", "200", FhirMatchTest.deceased(BUNDLE));
  }

  private static void conforms(String method, String path, String url, String status, String bundle)
      throws Exception {
    JsonNode document = JSON.readTree(TestServers.get("/api/openapi.json").body());
    HttpResponse<String> r = method.equals("GET") ? TestServers.get(url)
        : TestServers.post(url, "application/fhir+json", bundle);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(Integer.parseInt(status));
    JsonNode response = resolve(document, document.path("paths").path(path).path(method.toLowerCase())
        .path("responses").path(status));
    assertThat(response.isMissingNode()).as("documented response %s %s %s", method, path, status).isFalse();
    JsonNode content = response.path("content");
    JsonNode schema = content.properties().iterator().next().getValue().path("schema");
    List<String> drift = new ArrayList<>();
    check(document, schema, JSON.readTree(r.body()), "$", drift);
    assertThat(drift).as("answer of %s %s against its schema", method, url).isEmpty();
  }

  private static JsonNode resolve(JsonNode document, JsonNode node) {
    while (node.has("$ref")) {
      JsonNode target = document;
      for (String part : node.path("$ref").asText().substring(2).split("/")) target = target.path(part);
      node = target;
    }
    return node;
  }

  private static void check(JsonNode document, JsonNode schemaOrRef, JsonNode value, String at, List<String> drift) {
    JsonNode schema = resolve(document, schemaOrRef);
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) drift.add(at + " is null but not nullable");
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          drift.add(at + " is " + value.getNodeType() + ", documented object");
          return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
          if (!value.has(required.asText())) drift.add(at + "." + required.asText() + " is required but missing");
        }
        if (properties.isMissingNode()) return; // a free-form object
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          JsonNode declared = properties.path(field.getKey());
          if (declared.isMissingNode()) {
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
              check(document, additional, field.getValue(), at + "." + field.getKey(), drift);
            } else if (!additional.asBoolean(false)) {
              drift.add(at + "." + field.getKey() + " is not documented");
            }
          } else {
            check(document, declared, field.getValue(), at + "." + field.getKey(), drift);
          }
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          drift.add(at + " is " + value.getNodeType() + ", documented array");
          return;
        }
        int i = 0;
        for (JsonNode item : value) check(document, schema.path("items"), item, at + "[" + i++ + "]", drift);
      }
      case "string" -> {
        if (!value.isTextual()) drift.add(at + " is " + value.getNodeType() + ", documented string");
        else if (schema.has("enum") && !contains(schema.path("enum"), value.asText())) {
          drift.add(at + " = " + value.asText() + " is not among the documented values " + schema.path("enum"));
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) drift.add(at + " is " + value.getNodeType() + ", documented integer");
      }
      case "number" -> {
        if (!value.isNumber()) drift.add(at + " is " + value.getNodeType() + ", documented number");
      }
      case "boolean" -> {
        if (!value.isBoolean()) drift.add(at + " is " + value.getNodeType() + ", documented boolean");
      }
      default -> { } // untyped: anything goes
    }
  }

  private static boolean contains(JsonNode values, String text) {
    for (JsonNode v : values) if (v.asText().equals(text)) return true;
    return false;
  }
}
