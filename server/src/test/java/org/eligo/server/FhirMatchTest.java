package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code $match} and {@code metadata} called by the HAPI FHIR generic client, as a hospital system would. */
class FhirMatchTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String BUNDLE = TestServers.resource("/patients/wendeline.json");
  private static IGenericClient client;

  @BeforeAll
  static void client() {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    client = FHIR.newRestfulGenericClient(TestServers.base() + "/fhir");
  }

  @Test
  void capabilityStatementDeclaresTheOperation() {
    CapabilityStatement cs = client.capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(cs.getRestFirstRep().getResource()).anySatisfy(r -> {
      assertThat(r.getType()).isEqualTo("ResearchStudy");
      assertThat(r.getOperationFirstRep().getName()).isEqualTo("match");
    });
  }

  @Test
  void matchWithParametersHoldingTheBundle() {
    Parameters in = new Parameters();
    in.addParameter().setName("subject").setResource(FHIR.newJsonParser().parseResource(Bundle.class, BUNDLE));
    in.addParameter().setName("trial").setValue(new StringType("NCT03364764"));
    in.addParameter().setName("asOf").setValue(new DateType("2025-06-01"));
    Bundle out = client.operation().onType(ResearchStudy.class).named("$match").withParameters(in)
        .returnResourceType(Bundle.class).execute();
    assertThat(out.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    Bundle.BundleEntryComponent entry = out.getEntry().stream()
        .filter(e -> e.getResource() instanceof ResearchStudy).findFirst().orElseThrow();
    ResearchStudy study = (ResearchStudy) entry.getResource();
    assertThat(study.getIdentifierFirstRep().getValue()).isEqualTo("NCT03364764");
    assertThat(entry.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
    assertThat(entry.getSearch().getScore().doubleValue()).isBetween(0.0, 1.0);
    Extension verdict = entry.getSearch().getExtensionByUrl("http://eligo.org/fhir/StructureDefinition/match-verdict");
    assertThat(verdict.getValue().primitiveValue()).isIn("ELIGIBLE", "NEEDS_INFO", "INELIGIBLE");
    assertThat(entry.getSearch().getExtensionsByUrl("http://eligo.org/fhir/StructureDefinition/match-criterion"))
        .isNotEmpty().allSatisfy(c -> assertThat(c.getExtensionByUrl("status")).isNotNull());
    if (verdict.getValue().primitiveValue().equals("NEEDS_INFO")) {
      assertThat(entry.getSearch().getExtensionsByUrl(
          "http://eligo.org/fhir/StructureDefinition/match-missing-data")).isNotEmpty();
    }
  }

  @Test
  void matchWithTheBundleItselfRanksOpenTrials() throws Exception {
    HttpResponse<String> r = TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01", "application/fhir+json",
        BUNDLE);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Bundle out = FHIR.newJsonParser().parseResource(Bundle.class, r.body());
    assertThat(out.getTotal()).isPositive();
    double previous = 2;
    for (Bundle.BundleEntryComponent e : out.getEntry()) {
      if (!(e.getResource() instanceof ResearchStudy)) continue;
      assertThat(((ResearchStudy) e.getResource()).getStatus()).isNotNull();
      previous = Math.min(previous, e.getSearch().getScore().doubleValue());
    }
    assertThat(previous).isLessThanOrEqualTo(1.0);
  }

  @Test
  void countLimitsTheStudiesReturnedButTotalCountsEveryTrialMatched() throws Exception {
    Bundle every = FHIR.newJsonParser().parseResource(Bundle.class, TestServers.post(
        "/fhir/ResearchStudy/$match?asOf=2025-06-01&all=true", "application/fhir+json", BUNDLE).body());
    assertThat(every.getTotal()).as("the bundled registry holds more than two trials").isGreaterThan(2);
    HttpResponse<String> r = TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01&all=true&_count=2",
        "application/fhir+json", BUNDLE);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Bundle two = FHIR.newJsonParser().parseResource(Bundle.class, r.body());
    assertThat(two.getTotal()).isEqualTo(every.getTotal());
    assertThat(two.getEntry().stream().filter(e -> e.getResource() instanceof ResearchStudy)
        .map(e -> e.getFullUrl())).hasSize(2).containsExactlyElementsOf(every.getEntry().stream()
        .filter(e -> e.getResource() instanceof ResearchStudy).limit(2).map(e -> e.getFullUrl()).toList());
    Bundle totalOnly = FHIR.newJsonParser().parseResource(Bundle.class, TestServers.post(
        "/fhir/ResearchStudy/$match?asOf=2025-06-01&all=true&_count=0", "application/fhir+json", BUNDLE).body());
    assertThat(totalOnly.getTotal()).isEqualTo(every.getTotal());
    assertThat(totalOnly.getEntry()).noneMatch(e -> e.getResource() instanceof ResearchStudy);
    assertThat(TestServers.post("/fhir/ResearchStudy/$match?_count=-1", "application/fhir+json", BUNDLE)
        .statusCode()).isEqualTo(400);
  }

  /** {@code bundle} with its Patient dead since 2024-11-03. */
  static String deceased(String bundle) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(bundle);
    for (JsonNode e : root.path("entry")) {
      if (e.path("resource").path("resourceType").asText().equals("Patient")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("resource")).put("deceasedDateTime", "2024-11-03");
      }
    }
    return json.writeValueAsString(root);
  }

  @Test
  void aPatientWhoHasDiedIsMatchedAgainstNothingWithTheReasonAsAnOutcome() throws Exception {
    HttpResponse<String> r = TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01&all=true",
        "application/fhir+json", deceased(BUNDLE));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Bundle out = FHIR.newJsonParser().parseResource(Bundle.class, r.body());
    assertThat(out.getTotal()).isZero();
    assertThat(out.getEntry()).noneMatch(e -> e.getResource() instanceof ResearchStudy);
    OperationOutcome outcome = out.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast).findFirst().orElseThrow();
    assertThat(outcome.getIssue()).anySatisfy(i -> {
      assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
      assertThat(i.getDiagnostics()).isEqualTo("The record says the patient has died on 2024-11-03, so no trial is "
          + "matched as of 2025-06-01.");
    });

    JsonNode api = new ObjectMapper().readTree(TestServers.post("/api/v1/match?asOf=2025-06-01",
        "application/fhir+json", deceased(BUNDLE)).body());
    assertThat(api.path("deceased").path("date").asText()).isEqualTo("2024-11-03");
    assertThat(api.path("total").asInt()).isZero();
  }

  @Test
  void errorsAreOperationOutcomes() throws Exception {
    for (String[] c : new String[][] {
        {"{\"resourceType\": \"Bundle\",", "400", "invalid"},
        {"{\"resourceType\":\"Patient\",\"id\":\"p\"}", "422", "invalid"},
        {"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"x\",\"valueString\":\"y\"}]}", "422", "invalid"},
        {"", "422", "invalid"},
        // text after the Parameters resource: its Bundle is written out again, so only this check sees it
        {parameters(BUNDLE, "") + " trailing", "400", "invalid"}}) {
      HttpResponse<String> r = TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json", c[0]);
      assertThat(r.statusCode()).as(c[0].length() > 80 ? c[0].substring(c[0].length() - 80) : c[0])
          .isEqualTo(Integer.parseInt(c[1]));
      JsonNode oo = new ObjectMapper().readTree(r.body());
      assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
      assertThat(oo.path("issue").get(0).path("code").asText()).isEqualTo(c[2]);
      assertThat(r.body()).doesNotContain("Exception").doesNotContain(".java:");
    }
    HttpResponse<String> unknown = TestServers.post("/fhir/ResearchStudy/$match?trial=NCT00000000",
        "application/fhir+json", BUNDLE);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("OperationOutcome").contains("not-found");
    assertThat(TestServers.post("/fhir/ResearchStudy/$match?color=red", "application/fhir+json", BUNDLE).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theGenericClientSeesTheOperationOutcome() {
    Parameters empty = new Parameters();
    empty.addParameter().setName("note").setValue(new StringType("no bundle"));
    assertThatThrownBy(() -> client.operation().onType(ResearchStudy.class).named("$match").withParameters(empty)
        .returnResourceType(Bundle.class).execute())
        .isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(422);
          assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
        });
  }

  private static String parameters(String bundle, String extraParts) {
    return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"subject\",\"resource\":" + bundle + "}"
        + extraParts + "]}";
  }

  private static List<ResearchStudyEntry> studies(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Bundle out = FHIR.newJsonParser().parseResource(Bundle.class, r.body());
    return out.getEntry().stream().filter(e -> e.getResource() instanceof ResearchStudy)
        .map(e -> new ResearchStudyEntry((ResearchStudy) e.getResource(), e.getSearch().getScore().doubleValue()))
        .toList();
  }

  private record ResearchStudyEntry(ResearchStudy study, double score) {}

  @Test
  void everyStudyHasItsRequiredStatusAndScoresFollowTheRanking() throws Exception {
    List<ResearchStudyEntry> all = studies(TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01&all=true"
        + "&_count=100", "application/fhir+json", BUNDLE));
    assertThat(all).hasSizeGreaterThan(5);
    for (ResearchStudyEntry e : all) {
      assertThat(e.study().getStatus()).as(e.study().getId()).isNotNull()
          .isNotEqualTo(ResearchStudy.ResearchStudyStatus.NULL);
      assertThat(e.study().getExtensionByUrl("http://eligo.org/fhir/StructureDefinition/registry-status"))
          .as("the registry's own status is kept").isNotNull();
    }
    assertThat(all).as("the bundled registry has trials whose status the registry has not verified")
        .anySatisfy(e -> assertThat(e.study().getExtensionByUrl(
            "http://eligo.org/fhir/StructureDefinition/registry-status").getValue().primitiveValue())
            .isEqualTo("UNKNOWN"));
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).score()).as("score of entry %d (best first)", i).isLessThanOrEqualTo(all.get(i - 1).score());
    }
  }

  @Test
  void answersAreUtf8() throws Exception {
    HttpResponse<String> r = TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01&trial=NCT06802055",
        "application/fhir+json", BUNDLE);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("charset=utf-8");
    assertThat(r.body()).as("criteria text keeps its symbols").contains("≥").doesNotContain("\uFFFD");
  }

  @Test
  void parametersPartsAreCheckedAndTheBundleInsideIsReadAsLenientlyAsAlone() throws Exception {
    HttpResponse<String> unknown = TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json",
        parameters(BUNDLE, ",{\"name\":\"bogus\",\"valueString\":\"x\"}"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("OperationOutcome").contains("bogus");
    assertThat(TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json",
        parameters(BUNDLE, ",{\"name\":\"all\",\"valueInteger\":1}")).statusCode()).isEqualTo(400);
    int every = studies(TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01&all=true&_count=100",
        "application/fhir+json", BUNDLE)).size();
    assertThat(studies(TestServers.post("/fhir/ResearchStudy/$match?asOf=2025-06-01&_count=100",
        "application/fhir+json", parameters(BUNDLE, ",{\"name\":\"all\",\"valueString\":\"true\"}"))))
        .as("all given as a string").hasSize(every);
    String badBirthDate = BUNDLE.replace("\"birthDate\":\"1958-04-12\"", "\"birthDate\":\"x\"");
    assertThat(badBirthDate).isNotEqualTo(BUNDLE);
    HttpResponse<String> alone = TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json", badBirthDate);
    HttpResponse<String> wrapped = TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json",
        parameters(badBirthDate, ""));
    assertThat(alone.statusCode()).isEqualTo(200);
    assertThat(wrapped.statusCode()).as(wrapped.body()).isEqualTo(200);
    assertThat(wrapped.body()).contains("birthDate").contains("\"mode\":\"outcome\"");
  }

  @Test
  void onlyJsonIsTakenAndGiven() throws Exception {
    HttpResponse<String> text = TestServers.post("/fhir/ResearchStudy/$match", "text/plain", BUNDLE);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.body()).contains("OperationOutcome");
    HttpResponse<String> xml = TestServers.get("/fhir/metadata?_format=xml");
    assertThat(xml.statusCode()).isEqualTo(406);
    assertThat(xml.body()).contains("OperationOutcome").contains("JSON only");
    assertThat(TestServers.get("/fhir/metadata?_format=json").statusCode()).isEqualTo(200);
    assertThat(TestServers.get("/fhir/metadata?_format=application/fhir+json").statusCode())
        .as("an unencoded +").isEqualTo(200);
    HttpResponse<String> getMatch = TestServers.get("/fhir/ResearchStudy/$match");
    assertThat(getMatch.statusCode()).isEqualTo(405);
    assertThat(getMatch.headers().firstValue("Allow")).hasValue("POST");
    assertThat(TestServers.post("/fhir/ResearchStudy/$match?_format=application/fhir%2Bxml", "application/fhir+json",
        BUNDLE).statusCode()).isEqualTo(406);
    HttpResponse<String> xmlOnly = TestServers.post("/fhir/ResearchStudy/$match", "application/fhir+json", BUNDLE,
        "Accept", "application/fhir+xml");
    assertThat(xmlOnly.statusCode()).isEqualTo(406);
    assertThat(xmlOnly.body()).contains("OperationOutcome").contains("Accept: application/fhir+xml");
    assertThat(TestServers.get("/fhir/metadata", "Accept", "application/fhir+xml;q=1.0, application/fhir+json;q=0.9")
        .statusCode()).as("JSON among the types accepted").isEqualTo(200);
    assertThat(TestServers.get("/fhir/metadata", "Accept", "application/fhir+json;q=0, application/fhir+xml")
        .statusCode()).as("JSON refused with q=0").isEqualTo(406);
    assertThat(TestServers.get("/fhir/metadata", "Accept", "*/*").statusCode()).isEqualTo(200);
    assertThat(TestServers.get("/fhir/metadata?_format=json", "Accept", "application/fhir+xml").statusCode())
        .as("_format overrides Accept").isEqualTo(200);
  }

  @Test
  void eachEntrysFullUrlReadsItsResearchStudy() throws Exception {
    Bundle out = FHIR.newJsonParser().parseResource(Bundle.class, TestServers.post(
        "/fhir/ResearchStudy/$match?asOf=2025-06-01&trial=NCT03364764", "application/fhir+json", BUNDLE).body());
    String fullUrl = out.getEntryFirstRep().getFullUrl();
    assertThat(fullUrl).endsWith("/fhir/ResearchStudy/NCT03364764");
    ResearchStudy read = client.read().resource(ResearchStudy.class).withId("NCT03364764").execute();
    assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo("NCT03364764");
    assertThat(read.getStatus()).isNotNull();
    HttpResponse<String> unknown = TestServers.get("/fhir/ResearchStudy/NCT00000000");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("OperationOutcome");
  }
}
