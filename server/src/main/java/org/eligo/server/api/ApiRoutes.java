package org.eligo.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.imports.ImportReport;
import org.eligo.registry.match.MatchJson;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.eligo.registry.match.UnknownTrialException;
import org.eligo.search.FacetDimension;
import org.eligo.search.GeoFilter;
import org.eligo.search.RelatedTrial;
import org.eligo.search.SearchPage;
import org.eligo.search.SortOrder;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialHit;
import org.eligo.search.TrialQuery;
import org.eligo.server.RouteTable;
import org.eligo.server.ServerConfig;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.JsonBodies;
import org.eligo.server.http.Deadlines;
import org.eligo.server.http.NctIds;
import org.eligo.server.http.ProblemType;
import org.eligo.server.http.QueryParameters;

/** The REST API under {@code /api/v1}. */
public final class ApiRoutes {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String JSON_TYPE = "application/json";

  /** Search parameters: ClinicalTrials.gov API v2 names, plus Eligo's {@code query.text} and filters. */
  static final Set<String> SEARCH_PARAMETERS = Set.of("query.cond", "query.intr", "query.term", "query.locn",
      "query.text", "filter.overallStatus", "filter.geo", "filter.phase", "filter.studyType", "filter.condition",
      "filter.intervention", "filter.sponsorClass", "filter.country", "filter.sex", "filter.healthyVolunteers",
      "filter.age", "filter.advanced", "sort", "pageSize", "pageToken", "countTotal", "asOf", "facetLimit");

  private final TrialLookup lookup;
  private final ServerConfig config;

  public ApiRoutes(TrialLookup lookup, ServerConfig config) {
    this.lookup = lookup;
    this.config = config;
  }

  public void register(RouteTable routes, Deadlines deadlines) {
    routes.get("/api/v1/studies", deadlines.within(this::search));
    // Not on the workers and without the time limit: an import answered 503 while its studies still land would
    // mislead, and it would hold a worker that matches need. Its body is capped like every other.
    routes.post("/api/v1/studies", this::importStudies);
    routes.get("/api/v1/studies/{nctId}", deadlines.within(this::study));
    routes.get("/api/v1/studies/{nctId}/criteria", deadlines.within(this::criteria));
    routes.get("/api/v1/studies/{nctId}/related", deadlines.within(this::related));
    routes.get("/api/v1/studies/{nctId}/evidence", deadlines.within(this::studyEvidence));
    routes.get("/api/v1/evidence", deadlines.within(this::allEvidence));
    routes.post("/api/v1/match", deadlines.within(this::match));
  }

  void search(Context ctx) {
    QueryParameters p = QueryParameters.of(ctx, SEARCH_PARAMETERS);
    TrialQuery query = searchQuery(p);
    if (query.geo() != null && query.geo().place() instanceof GeoFilter.City city
        && !lookup.registry().search().knowsPlace(city.name())) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter filter.geo: no site in the registry is in a place "
          + "called '" + city.name() + "'; give a city the registry's sites name, as in distance(Beijing,50km), the city "
          + "and its country, as in distance(Beijing, China,50km), or coordinates, as in distance(39.9,116.4,50km).",
          Map.of("parameter", "filter.geo"));
    }
    SearchPage page;
    try {
      page = lookup.registry().search().search(query);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, e.getMessage());
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("totalCount", page.total());
    ArrayNode studies = root.putArray("studies");
    for (TrialHit hit : page.hits()) studies.add(hitJson(hit));
    ObjectNode facets = root.putObject("facets");
    for (FacetDimension d : FacetDimension.values()) {
      ArrayNode values = facets.putArray(d.apiName());
      page.facet(d).forEach(f -> values.addObject().put("value", f.value()).put("count", f.count()));
    }
    page.nextPageToken().ifPresent(t -> root.put("nextPageToken", t));
    // as the web page and the command line say it: a word that finds nothing, with the registry's closest word
    if (query.text() != null && p.one("pageToken") == null) {
      lookup.registry().search().didYouMean(query.text()).ifPresent(better -> root.put("didYouMean", better));
    }
    json(ctx, root);
  }

  static TrialQuery searchQuery(QueryParameters p) {
    TrialFilters filters = TrialFilters.NONE;
    for (FacetDimension d : FacetDimension.values()) {
      String name = "filter." + d.apiName();
      filters = SearchFilters.with(filters, d, p.list(name), name);
    }
    filters = SearchFilters.withAge(filters, p.one("filter.age"), "filter.age");
    filters = SearchFilters.withAdvanced(filters, p.one("filter.advanced"), "filter.advanced");
    GeoFilter geo = null;
    String geoText = p.one("filter.geo");
    if (geoText != null) {
      try {
        geo = GeoFilter.parse(geoText);
      } catch (IllegalArgumentException e) {
        throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter filter.geo: " + e.getMessage()
            + ". Expected distance(39.9,116.4,50km), distance(Beijing,50km) or distance(Beijing, China,50km).", Map.of("parameter", "filter.geo"));
      }
    }
    SortOrder sort = sort(p.one("sort"));
    p.bool("countTotal", true);
    try {
      return TrialQuery.builder()
          .text(p.one("query.text")).condition(p.one("query.cond")).intervention(p.one("query.intr"))
          .term(p.one("query.term")).locationText(p.one("query.locn")).filters(filters).geo(geo).sort(sort)
          .pageSize(p.integer("pageSize", TrialQuery.DEFAULT_PAGE_SIZE, 1, TrialQuery.MAX_PAGE_SIZE))
          .pageToken(p.one("pageToken")).asOf(p.date("asOf", LocalDate.now()))
          .facetLimit(p.integer("facetLimit", TrialQuery.DEFAULT_FACET_LIMIT, 0, 1000)).build();
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, e.getMessage());
    }
  }

  private static SortOrder sort(String text) {
    if (text == null) return SortOrder.RELEVANCE;
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "@relevance", "relevance" -> SortOrder.RELEVANCE;
      case "distance" -> SortOrder.DISTANCE;
      case "lastupdatepostdate", "lastupdatepostdate:desc" -> SortOrder.LAST_UPDATE;
      default -> throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter sort does not accept '" + text
          + "'. Accepted: @relevance, LastUpdatePostDate:desc, distance.", Map.of("parameter", "sort"));
    };
  }

  static ObjectNode hitJson(TrialHit hit) {
    ObjectNode o = JSON.createObjectNode();
    o.put("nctId", hit.nctId());
    o.put("title", hit.title());
    o.put("overallStatus", hit.overallStatus() == null ? null : hit.overallStatus().name());
    if (Float.isNaN(hit.score())) o.putNull("score"); else o.put("score", hit.score());
    o.put("statusVerified", hit.statusVerified());
    o.put("staleStatus", hit.staleStatus());
    ArrayNode snippets = o.putArray("snippets");
    hit.snippets().forEach(s -> snippets.addObject().put("field", s.field()).put("html", s.html()));
    hit.nearestRecruitingSite().ifPresentOrElse(site -> {
      ObjectNode s = o.putObject("nearestRecruitingSite");
      s.put("facility", site.facility()).put("city", site.city()).put("state", site.state())
          .put("country", site.country()).put("status", site.status() == null ? null : site.status().name());
      if (site.point() != null) s.put("lat", site.point().lat()).put("lon", site.point().lon());
      site.distanceKm().ifPresent(km -> s.put("distanceKm", Math.round(km * 10) / 10.0));
    }, () -> o.putNull("nearestRecruitingSite"));
    return o;
  }

  void study(Context ctx) {
    QueryParameters.of(ctx, Set.of());
    ctx.contentType(JSON_TYPE).result(lookup.document(ctx.pathParam("nctId")));
  }

  void criteria(Context ctx) {
    QueryParameters.of(ctx, Set.of());
    Trial trial = lookup.trial(ctx.pathParam("nctId"));
    CriteriaSet set = lookup.criteria(trial).orElseThrow(() -> ApiProblem.notFound("Eligo has no criteria for "
        + trial.nctId() + " yet."));
    json(ctx, RuleJson.criteria(set));
  }

  void related(Context ctx) {
    QueryParameters p = QueryParameters.of(ctx, Set.of("limit"));
    Trial trial = lookup.trial(ctx.pathParam("nctId"));
    int limit = p.integer("limit", 5, 1, 50);
    ObjectNode root = JSON.createObjectNode();
    root.put("trialId", trial.nctId());
    ArrayNode list = root.putArray("related");
    for (RelatedTrial r : lookup.related(trial, limit)) {
      list.addObject().put("nctId", r.nctId()).put("title", r.title()).put("score", r.score())
          .put("reason", r.reason());
    }
    json(ctx, root);
  }

  void studyEvidence(Context ctx) {
    QueryParameters.of(ctx, Set.of());
    Trial trial = lookup.trial(ctx.pathParam("nctId"));
    ObjectNode root = JSON.createObjectNode();
    root.put("trialId", trial.nctId());
    ArrayNode list = root.putArray("evidence");
    lookup.evidence(trial).forEach(e -> list.add(e.toJson()));
    json(ctx, root);
  }

  void allEvidence(Context ctx) {
    QueryParameters.of(ctx, Set.of());
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("evidence");
    lookup.registry().evidence().allEvidence().forEach(e -> {
      ObjectNode o = EvidenceSummary.of(e, false).toJson();
      o.remove("relation");
      ArrayNode linked = o.putArray("linkedTrialIds");
      e.linkedTrialIds().forEach(linked::add);
      list.add(o);
    });
    json(ctx, root);
  }

  void match(Context ctx) {
    QueryParameters p = QueryParameters.of(ctx, Set.of("trial", "asOf", "all", "limit"));
    List<String> trials = p.list("trial").stream().map(NctIds::require).toList();
    int limit = p.integer("limit", MatchJson.DEFAULT_LIMIT, 1, 10_000);
    LocalDate asOf = p.date("asOf", LocalDate.now());
    boolean all = p.bool("all", false);
    String body = JsonBodies.requirePresent(ctx); // the FHIR reader reports syntax errors: parsed once
    MatchReport report;
    try {
      report = lookup.registry().match(new MatchRequest(body, trials, all, asOf));
    } catch (UnknownTrialException e) {
      throw new ApiProblem(ProblemType.NOT_FOUND, "The registry holds no trial " + String.join(", ", e.nctIds())
          + ".", Map.of("trials", e.nctIds()));
    }
    json(ctx, MatchJson.write(report, limit));
  }

  void importStudies(Context ctx) {
    QueryParameters.of(ctx, Set.of());
    requireAdmin(ctx, config.adminToken());
    String body = JsonBodies.require(ctx);
    Path file = null;
    ImportReport report;
    try {
      file = Files.createTempFile("eligo-import-", ".json");
      Files.writeString(file, body, StandardCharsets.UTF_8);
      report = lookup.registry().importPaths(List.of(file), ImportListener.NONE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temp file of public registry data; the OS cleans it up
        }
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("read", report.read()).put("inserted", report.inserted()).put("updated", report.updated())
        .put("unchanged", report.unchanged()).put("skippedOlder", report.skippedOlder())
        .put("rejected", report.rejected());
    ArrayNode problems = root.putArray("problems");
    report.problems().forEach(pr -> problems.addObject().put("record", pr.record()).put("jsonPath", pr.jsonPath())
        .put("reason", pr.reason()));
    if (report.read() == 0 || report.rejected() == report.read()) {
      throw new ApiProblem(ProblemType.BAD_REQUEST, "No study was imported: the body must be an API v2 study, "
          + "an array of studies or a page {\"studies\": [...]}.", Map.of("import", JSON.convertValue(root, Map.class)));
    }
    json(ctx, root);
  }

  /** Checks the administrator's bearer token (constant-time comparison). */
  static void requireAdmin(Context ctx, String token) {
    if (token == null) {
      throw new ApiProblem(ProblemType.FORBIDDEN, "Import is disabled on this server: start it with the environment "
          + "variable ELIGO_ADMIN_TOKEN set.");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiProblem(ProblemType.UNAUTHORIZED, "Send the administrator token as 'Authorization: Bearer <token>'.");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiProblem(ProblemType.FORBIDDEN, "The administrator token is not valid.");
    }
  }


  /** Writes {@code node} as UTF-8 bytes straight away: no intermediate String for answers of hundreds of kB. */
  static void json(Context ctx, JsonNode node) {
    try {
      ctx.contentType(JSON_TYPE).result(JSON.writeValueAsBytes(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
