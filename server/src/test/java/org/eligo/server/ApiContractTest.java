package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The successful answers of every REST endpoint, on a real server over HTTP. */
class ApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLE = TestServers.resource("/patients/wendeline.json");

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(r.body());
  }

  @Test
  void searchUsesApiV2NamesAndReturnsFacets() throws Exception {
    JsonNode page = json(TestServers.get("/api/v1/studies?query.cond=pure%20red%20cell%20aplasia"
        + "&query.intr=sirolimus&pageSize=5"));
    assertThat(page.path("totalCount").asLong()).isPositive();
    assertThat(page.path("studies").get(0).path("nctId").asText()).isEqualTo("NCT03364764");
    assertThat(page.path("facets").path("overallStatus").size()).isPositive();
    assertThat(page.path("facets").has("phase")).isTrue();
  }

  @Test
  void aMisspeltSearchWordGetsTheRegistrysClosestWordAsTheWebPageShowsIt() throws Exception {
    JsonNode misspelt = json(TestServers.get("/api/v1/studies?query.text=sirolimsu%20aplastik%20anemia"));
    assertThat(misspelt.path("didYouMean").asText()).isEqualTo("sirolimus aplastic anemia");
    JsonNode spelt = json(TestServers.get("/api/v1/studies?query.text=sirolimus%20aplastic%20anemia"));
    assertThat(spelt.has("didYouMean")).isFalse();
    assertThat(spelt.path("totalCount").asLong()).isPositive();
  }

  @Test
  void searchFiltersByStatusAndPages() throws Exception {
    JsonNode open = json(TestServers.get("/api/v1/studies?filter.overallStatus=RECRUITING%7CNOT_YET_RECRUITING"
        + "&pageSize=2"));
    for (JsonNode s : open.path("studies")) {
      assertThat(s.path("overallStatus").asText()).isIn("RECRUITING", "NOT_YET_RECRUITING");
    }
    assertThat(open.path("nextPageToken").asText()).isNotBlank();
    JsonNode second = json(TestServers.get("/api/v1/studies?filter.overallStatus=RECRUITING%7CNOT_YET_RECRUITING"
        + "&pageSize=2&pageToken=" + open.path("nextPageToken").asText()));
    assertThat(second.path("studies").get(0).path("nctId").asText())
        .isNotEqualTo(open.path("studies").get(0).path("nctId").asText());
  }

  @Test
  void searchFiltersByStartDateRangeInTheApiV2AdvancedSyntax() throws Exception {
    java.util.List<String> in2022 = new java.util.ArrayList<>();
    json(TestServers.get("/api/v1/studies?pageSize=50&filter.advanced="
        + java.net.URLEncoder.encode("AREA[StartDate]RANGE[2022-01-01,2022-12-31]", java.nio.charset.StandardCharsets.UTF_8)))
        .path("studies").forEach(st -> in2022.add(st.path("nctId").asText()));
    assertThat(in2022).contains("NCT05471050", "NCT05520892").doesNotContain("NCT06287268", "NCT03918265");
    java.util.List<String> since2024 = new java.util.ArrayList<>();
    json(TestServers.get("/api/v1/studies?pageSize=50&filter.advanced="
        + java.net.URLEncoder.encode("AREA[StartDate]RANGE[2024,MAX]", java.nio.charset.StandardCharsets.UTF_8)))
        .path("studies").forEach(st -> since2024.add(st.path("nctId").asText()));
    assertThat(since2024).contains("NCT06287268", "NCT07229235").doesNotContain("NCT05471050");
  }

  @Test
  void ageAndSexFiltersReadAsPeopleGiveThem() throws Exception {
    int child = json(TestServers.get("/api/v1/studies?filter.age=8y&pageSize=1")).path("totalCount").asInt();
    int sameChild = json(TestServers.get("/api/v1/studies?filter.age=96m&pageSize=1")).path("totalCount").asInt();
    assertThat(child).isPositive().isEqualTo(sameChild);
    assertThat(json(TestServers.get("/api/v1/studies?filter.sex=MALE&pageSize=1")).path("totalCount").asInt())
        .as("trials open to all admit men").isPositive();
  }

  @Test
  void searchNearACityGivesDistances() throws Exception {
    JsonNode page = json(TestServers.get("/api/v1/studies?filter.geo=distance(39.9,116.4,50km)&sort=distance"));
    assertThat(page.path("totalCount").asLong()).isPositive();
    JsonNode site = page.path("studies").get(0).path("nearestRecruitingSite");
    if (!site.isNull()) assertThat(site.path("distanceKm").asDouble()).isLessThanOrEqualTo(50);
  }

  @Test
  void filterGeoTakesTheCityWithItsCountryAsTheCommandLineAndTheWebPageDo() throws Exception {
    // "Beijing, China" on the command line and in the web search's Near field: the API answered 400 ("coordinates
    // are not numbers") for the same place
    for (String[] place : new String[][] {{"Beijing,%20China,50km", "Beijing,50km"},
        {"beijing,china,%2050", "Beijing,50km"}, {"Nagoya,%20Japan,%20100km", "Nagoya,100km"}}) {
      HttpResponse<String> withCountry = TestServers.get("/api/v1/studies?filter.geo=distance(" + place[0] + ")");
      assertThat(withCountry.statusCode()).as(place[0] + ": " + withCountry.body()).isEqualTo(200);
      JsonNode found = json(withCountry);
      assertThat(found.path("totalCount").asLong()).as(place[0]).isPositive();
      assertThat(ids(found)).as(place[0])
          .isEqualTo(ids(json(TestServers.get("/api/v1/studies?filter.geo=distance(" + place[1] + ")"))));
    }
    // a city of another country is no stand-in: refused, as the command line and the web page refuse it
    HttpResponse<String> elsewhere = TestServers.get("/api/v1/studies?filter.geo=distance(Beijing,%20Japan,50km)");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).contains("Beijing, Japan").contains("distance(Beijing, China,50km)");
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new java.util.ArrayList<>();
    page.path("studies").forEach(s -> ids.add(s.path("nctId").asText()));
    return ids;
  }

  @Test
  void studyIsTheApiV2DocumentVerbatim() throws Exception {
    JsonNode study = json(TestServers.get("/api/v1/studies/nct03364764"));
    assertThat(study.path("protocolSection").path("identificationModule").path("nctId").asText())
        .isEqualTo("NCT03364764");
  }

  @Test
  void criteriaCarryRegistryTextAndTypedRules() throws Exception {
    JsonNode c = json(TestServers.get("/api/v1/studies/NCT03364764/criteria"));
    assertThat(c.path("criteria").size()).isGreaterThan(3);
    JsonNode age = c.path("criteria").get(0);
    assertThat(age.path("rule").path("kind").asText()).isEqualTo("age");
    assertThat(age.path("description").asText()).contains("18");
    assertThat(c.toString()).contains("Refractory pure red cell aplasia.");
  }

  @Test
  void relatedTrialsSayWhy() throws Exception {
    JsonNode r = json(TestServers.get("/api/v1/studies/NCT03364764/related?limit=3"));
    assertThat(r.path("related").size()).isBetween(1, 3);
    assertThat(r.path("related").get(0).path("reason").asText()).isNotBlank();
  }

  @Test
  void evidenceHasExactIntervals() throws Exception {
    JsonNode all = json(TestServers.get("/api/v1/evidence"));
    JsonNode bride = all.path("evidence").get(0);
    assertThat(bride.path("linkedTrialIds").toString()).contains("NCT00392951");
    JsonNode eight = bride.path("outcomes").get(1);
    assertThat(eight.path("events").asInt()).isEqualTo(8);
    assertThat(eight.path("n").asInt()).isEqualTo(12);
    // Clopper-Pearson 95% interval for 8/12: 0.3489 to 0.9008 (standard tables).
    assertThat(eight.path("ci95Lower").asDouble()).isCloseTo(0.3489, org.assertj.core.data.Offset.offset(5e-4));
    assertThat(eight.path("ci95Upper").asDouble()).isCloseTo(0.9008, org.assertj.core.data.Offset.offset(5e-4));
    JsonNode forTrial = json(TestServers.get("/api/v1/studies/NCT03364764/evidence"));
    assertThat(forTrial.path("evidence").get(0).path("relation").asText()).isEqualTo("SAME_TREATMENT");
  }

  @Test
  void criterionTextComesWithoutTheRegistrysMarkdownEscapes() throws Exception {
    // NCT06802055's record writes "hemoglobin \\< 100 g/L" (a CommonMark escape); people and programs read "<"
    JsonNode criteria = json(TestServers.get("/api/v1/studies/NCT06802055/criteria"));
    assertThat(criteria.toString()).contains("hemoglobin < 100").doesNotContain("\\\\<");
    JsonNode report = json(TestServers.post("/api/v1/match?trial=NCT06802055&asOf=2025-06-01",
        "application/fhir+json", BUNDLE));
    assertThat(report.toString()).contains("< 100").doesNotContain("\\\\<");
  }

  @Test
  void aBodyStartingWithAByteOrderMarkIsMatchedLikeAnyOther() throws Exception {
    JsonNode plain = json(TestServers.post("/api/v1/match?trial=NCT03364764&asOf=2025-06-01",
        "application/fhir+json", BUNDLE));
    JsonNode marked = json(TestServers.post("/api/v1/match?trial=NCT03364764&asOf=2025-06-01",
        "application/fhir+json", "\uFEFF" + BUNDLE));
    assertThat(marked).isEqualTo(plain);
  }

  @Test
  void matchAnswersTheCliJson() throws Exception {
    JsonNode report = json(TestServers.post("/api/v1/match?trial=NCT03364764&asOf=2025-06-01",
        "application/fhir+json", BUNDLE));
    assertThat(report.path("asOf").asText()).isEqualTo("2025-06-01");
    assertThat(report.path("patient").asText()).isEqualTo("wq1");
    JsonNode result = report.path("results").get(0);
    assertThat(result.path("trialId").asText()).isEqualTo("NCT03364764");
    assertThat(result.path("verdict").asText()).isIn("ELIGIBLE", "NEEDS_INFO", "INELIGIBLE");
    JsonNode criterion = result.path("criteria").get(0);
    for (String field : new String[] {"type", "text", "status", "confirmAtScreening", "evidence", "question"}) {
      assertThat(criterion.has(field)).as(field).isTrue();
    }
    JsonNode byDefault = json(TestServers.post("/api/v1/match?all=true&asOf=2025-06-01", "application/json",
        BUNDLE));
    assertThat(byDefault.path("total").asInt()).as("the bundled registry").isGreaterThan(10);
    assertThat(byDefault.path("results").size()).as("ten explained unless asked").isEqualTo(10);
    JsonNode all = json(TestServers.post("/api/v1/match?all=true&limit=10000&asOf=2025-06-01", "application/json",
        BUNDLE));
    assertThat(all.path("results").size()).isEqualTo(byDefault.path("total").asInt())
        .isGreaterThan(report.path("results").size());
    JsonNode firstTwo = json(TestServers.post("/api/v1/match?all=true&limit=2&asOf=2025-06-01", "application/json",
        BUNDLE));
    assertThat(firstTwo.path("results").size()).isEqualTo(2);
    assertThat(firstTwo.path("total").asInt()).isEqualTo(all.path("results").size());
    assertThat(firstTwo.path("results").get(0)).isEqualTo(all.path("results").get(0));
    long counted = 0;
    for (JsonNode n : firstTwo.path("verdicts")) counted += n.asLong();
    assertThat(counted).isEqualTo(firstTwo.path("total").asLong());
  }

  @Test
  void importNeedsTheAdminTokenAndImportsAStudy() throws Exception {
    String study = Files.readString(Path.of(getClass().getResource("/studies/NCT99999901.json").toURI()));
    HttpResponse<String> wrong = TestServers.post("/api/v1/studies", "application/json", study,
        "Authorization", "Bearer nope");
    ApiErrorContractTest.assertProblem(wrong, 403, "forbidden", "not valid");
    JsonNode report = json(TestServers.post("/api/v1/studies", "application/json", study,
        "Authorization", "Bearer " + TestServers.ADMIN_TOKEN));
    assertThat(report.path("read").asInt()).isEqualTo(1);
    assertThat(report.path("inserted").asInt() + report.path("updated").asInt() + report.path("unchanged").asInt())
        .isEqualTo(1);
    assertThat(json(TestServers.get("/api/v1/studies/NCT99999901")).toString()).contains("Quillworth");
    HttpResponse<String> bad = TestServers.post("/api/v1/studies", "application/json", "{\"studies\": [1",
        "Authorization", "Bearer " + TestServers.ADMIN_TOKEN);
    ApiErrorContractTest.assertProblem(bad, 400, "malformed-json", "JSON");
  }

  @Test
  void aPatientFieldOutsideItsValueSetIsADiagnosticNotAServerError() throws Exception {
    HttpResponse<String> r = TestServers.post("/api/v1/match", "application/fhir+json", "{\"resourceType\":\"Bundle\","
        + "\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"x\","
        + "\"gender\":\"banana\"}}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("diagnostics").toString()).contains("gender");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndSaysTheLimit() throws Exception {
    byte[] big = ("{\"resourceType\":\"Bundle\",\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(TestServers.base() + "/api/v1/match")).header("Content-Type", "application/fhir+json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
        .build(), HttpResponse.BodyHandlers.ofString());
    ApiErrorContractTest.assertProblem(r, 413, "content-too-large", "bytes this server accepts");
  }

  @Test
  void aClientStillSendingAnOversizedBodyReceivesThe413() throws Exception {
    // 40 MB: more than the loopback socket buffers hold, so a server that answers and closes without reading the
    // body resets the connection while this client is still writing, and the answer is lost
    byte[] chunk = new byte[1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    int megabytes = 40;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestServers.server().port())) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/match HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
          + "Content-Length: " + (megabytes * chunk.length) + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      for (int i = 0; i < megabytes; i++) out.write(chunk);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("content-too-large").contains("larger");
    }
  }

  /**
   * A client that announces an oversized body and then stalls (or trickles a byte now and then) holds the worker that
   * drops the rest of the body only for the few seconds {@code UnreadBody} allows, not until the connection's idle
   * timeout: the 413 comes within them, and its answer names nothing of the body.
   */
  @Test
  void aClientThatStallsAfterAnnouncingAnOversizedBodyReceivesThe413Soon() throws Exception {
    for (String path : new String[] {"/api/v1/match", "/fhir/ResearchStudy/$match"}) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestServers.server().port())) {
        socket.setSoTimeout(60_000);
        java.io.OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
            + "Content-Length: " + (200L * 1024 * 1024) + "\r\n\r\n{\"resourceType\":\"Bundle\",\"secret-name\":\"")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        long start = System.nanoTime();
        String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(answer).as(path).startsWith("HTTP/1.1 413").doesNotContain("secret-name");
        assertThat(seconds).as(path + ": seconds until the 413").isLessThan(10);
      }
    }
  }

  /** The web upload form refuses a chunked upload over the limit as the API does: 413, on a page, nothing of the file. */
  @Test
  void aChunkedUploadOverTheLimitIs413OnThePage() throws Exception {
    String boundary = "eligo-boundary";
    byte[] big = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"b.json\"\r\n"
        + "Content-Type: application/fhir+json\r\n\r\n{\"resourceType\":\"Bundle\",\"secret-name\":\""
        + "x".repeat(11 * 1024 * 1024) + "\"}\r\n--" + boundary + "--\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(TestServers.base() + "/check/fhir"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).doesNotContain("secret-name");
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    String big = "{\"resourceType\":\"Bundle\",\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
    ApiErrorContractTest.assertProblem(TestServers.post("/api/v1/match", "application/fhir+json", big), 413,
        "content-too-large", "larger");
  }

  @Test
  void healthReadinessAndMetrics() throws Exception {
    assertThat(json(TestServers.get("/health")).path("status").asText()).isEqualTo("UP");
    JsonNode ready = json(TestServers.get("/ready"));
    assertThat(ready.path("status").asText()).isEqualTo("READY");
    assertThat(ready.path("trials").asInt()).isGreaterThanOrEqualTo(14);
    TestServers.get("/api/v1/studies/NCT03364764");
    HttpResponse<String> metrics = TestServers.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).as("the workers' queue and activity").contains("executor_queued_tasks{",
        "executor_active_threads{", "name=\"eligo.workers\"");
    assertThat(metrics.body()).contains("http_server_requests_seconds_count{")
        .contains("route=\"/api/v1/studies/{nctId}\"").contains("http_server_requests_seconds_bucket{");
  }

  @Test
  void timeoutsAnswer503() throws Exception {
    EligoServer slow = EligoServer.start(TestServers.registry(), ServerConfig.defaults().withPort(0)
        .withRequestTimeout(java.time.Duration.ofNanos(1)).withAdminToken(TestServers.ADMIN_TOKEN));
    try {
      HttpResponse<String> r = TestServers.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port()
          + "/api/v1/match?all=true")).header("Content-Type", "application/fhir+json")
          .POST(HttpRequest.BodyPublishers.ofString(BUNDLE)).build());
      ApiErrorContractTest.assertProblem(r, 503, "timeout", "longer");
      assertThat(r.headers().firstValue("Retry-After")).as("when to try again").hasValue("5");
      // An import is never cut off by the time limit: answered 503 while its studies land would mislead.
      String study = Files.readString(Path.of(getClass().getResource("/studies/NCT99999901.json").toURI()));
      HttpResponse<String> imported = TestServers.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + slow.port() + "/api/v1/studies")).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(study)).build());
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      assertThat(json(imported).path("read").asInt()).isEqualTo(1);
    } finally {
      slow.stop();
    }
  }
}
