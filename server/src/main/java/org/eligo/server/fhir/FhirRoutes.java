package org.eligo.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.TrialMatch;
import org.eligo.registry.Registry;
import org.eligo.registry.match.MatchJson;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.eligo.registry.match.UnknownTrialException;
import org.eligo.server.RouteTable;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.Deadlines;
import org.eligo.server.http.JsonBodies;
import org.eligo.server.http.NctIds;
import org.eligo.server.http.ProblemType;
import org.eligo.server.http.QueryParameters;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;

/** {@code /fhir/metadata} and {@code POST /fhir/ResearchStudy/$match}. */
public final class FhirRoutes {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  /** Reads the body (text after the resource is refused) and writes answers. */
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final String FHIR_JSON = "application/fhir+json";
  private static final Set<String> MATCH_PARAMETERS = Set.of("trial", "asOf", "all", "_count", "_format",
      "_pretty");

  private final Registry registry;

  public FhirRoutes(Registry registry) {
    this.registry = registry;
  }

  public void register(RouteTable routes, Deadlines deadlines) {
    routes.get("/fhir/metadata", this::metadata);
    routes.post("/fhir/ResearchStudy/$match", deadlines.within(this::match));
    routes.get("/fhir/ResearchStudy/{id}", this::read);
  }

  /** {@code GET /fhir/ResearchStudy/NCT...}: a trial as a ResearchStudy (what {@code fullUrl} in a match points at). */
  void read(Context ctx) {
    QueryParameters.of(ctx, Set.of("_format", "_pretty"));
    requireJsonFormat(ctx);
    if (ctx.pathParam("id").startsWith("$")) {
      // an operation's name: only POST runs it
      ctx.header("Allow", "POST");
      throw new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, "GET is not served at " + ctx.path() + "; the operation "
          + "takes POST.");
    }
    String id = NctIds.require(ctx.pathParam("id"));
    org.eligo.core.trial.Trial trial = registry.trial(id).orElseThrow(() -> ApiProblem.notFound(
        "The registry holds no trial " + id + "."));
    write(ctx, ResearchStudyMapper.map(trial));
  }

  void metadata(Context ctx) {
    QueryParameters.of(ctx, Set.of("_format", "_pretty", "mode"));
    requireJsonFormat(ctx);
    CapabilityStatement cs = new CapabilityStatement();
    cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
    cs.setDate(new Date());
    cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    cs.getSoftware().setName("Eligo");
    cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    cs.addFormat("json");
    cs.getImplementation().setDescription("Eligo clinical-trial matching").setUrl(baseUrl(ctx));
    CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest();
    rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    CapabilityStatement.CapabilityStatementRestResourceComponent rs = rest.addResource();
    rs.setType("ResearchStudy");
    rs.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
    rs.addOperation().setName("match").setDefinition(FhirExtensions.MATCH_OPERATION)
        .setDocumentation("POST a patient Bundle (or Parameters with a Bundle part) to rank trials for the patient. "
            + "Query or Parameters options: trial (NCT ID, repeatable), asOf (date), all (boolean); query option _count "
            + "(how many ranked studies to return, each explained; default " + MatchJson.DEFAULT_LIMIT + ").");
    write(ctx, cs);
  }

  void match(Context ctx) {
    QueryParameters p = QueryParameters.of(ctx, MATCH_PARAMETERS);
    requireJsonFormat(ctx);
    List<String> trials = new ArrayList<>(p.list("trial").stream().map(NctIds::require).toList());
    LocalDate asOf = p.date("asOf", null);
    Boolean all = p.one("all") == null ? null : p.bool("all", false);
    int count = p.integer("_count", MatchJson.DEFAULT_LIMIT, 0, 10_000); // 0: the total alone, as FHIR search allows
    JsonBodies.requireJsonMediaType(ctx);
    String body = JsonBodies.text(ctx);
    if (body.isBlank()) throw new ApiProblem(ProblemType.INVALID_FHIR, "The body is empty; send a Bundle or a "
        + "Parameters resource holding one.");
    JsonNode resource = resource(body);
    String type = resource.path("resourceType").asText("");
    String bundleJson = body;
    if (type.equals("Parameters")) {
      MatchParameters given = MatchParameters.read(resource);
      bundleJson = given.bundleJson();
      trials.addAll(given.trials());
      if (given.asOf() != null) asOf = given.asOf();
      if (given.all() != null) all = given.all();
    } else if (!type.equals("Bundle")) {
      throw new ApiProblem(ProblemType.INVALID_FHIR, "Expected a Bundle or a Parameters resource, not "
          + (type.isEmpty() ? "a resource without resourceType" : type) + ".");
    }
    MatchReport report;
    try {
      report = registry.match(new MatchRequest(bundleJson, trials, all != null && all,
          asOf == null ? LocalDate.now() : asOf));
    } catch (UnknownTrialException e) {
      throw ApiProblem.notFound("The registry holds no trial " + String.join(", ", e.nctIds()) + ".");
    }
    write(ctx, searchset(report, baseUrl(ctx), count));
  }

  /** Refuses (406) a {@code _format} other than JSON: Eligo answers FHIR in JSON only. */
  private static void requireJsonFormat(Context ctx) {
    String accept = ctx.header("Accept");
    // _format, when given, overrides the Accept header (FHIR R4 http.html#mime-type)
    if (accept != null && ctx.queryParam("_format") == null && !acceptsJson(accept)) {
      throw new ApiProblem(ProblemType.NOT_ACCEPTABLE, "This server answers FHIR in JSON only; Accept: " + accept
          + " names no JSON type (send Accept: application/fhir+json, or leave it out).");
    }
    String format = ctx.queryParam("_format");
    if (format == null) return;
    // "+" sent unencoded in a query string arrives as a space: application/fhir json
    String f = format.strip().toLowerCase(Locale.ROOT).replace(' ', '+');
    if (!Set.of("json", "application/json", "application/fhir+json", "fhir+json").contains(f.split(";")[0].strip())) {
      throw new ApiProblem(ProblemType.NOT_ACCEPTABLE, "This server answers FHIR in JSON only; _format=" + format
          + " is not available (use _format=json or leave it out).");
    }
  }

  /**
   * Whether an Accept header lets the answer be JSON: empty, a wildcard, or any JSON type ({@code application/json},
   * {@code application/fhir+json}, the older {@code application/json+fhir}) not refused with {@code q=0}.
   */
  static boolean acceptsJson(String accept) {
    if (accept.isBlank()) return true;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (p.matches("q=0(\\.0*)?")) refused = true;
      }
      if (refused) continue;
      if (type.equals("*/*") || type.equals("application/*") || type.contains("json")) return true;
    }
    return false;
  }

  /** The first {@code count} ranked trials, each explained; {@code total} counts them all. */
  static Bundle searchset(MatchReport report, String base, int count) {
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(report.results().size());
    for (TrialMatch m : report.results().subList(0, Math.min(count, report.results().size()))) {
      Bundle.BundleEntryComponent entry = bundle.addEntry();
      entry.setFullUrl(base + "/fhir/ResearchStudy/" + m.trial().nctId());
      entry.setResource(ResearchStudyMapper.map(m.trial()));
      Bundle.BundleEntrySearchComponent search = entry.getSearch();
      search.setMode(Bundle.SearchEntryMode.MATCH);
      search.setScore(score(m));
      search.addExtension(FhirExtensions.VERDICT, new CodeType(m.result().verdict().name()));
      for (CriterionResult c : m.result().criteria()) {
        Extension e = search.addExtension().setUrl(FhirExtensions.CRITERION);
        e.addExtension("id", new StringType(c.criterion().id()));
        e.addExtension("type", new CodeType(c.criterion().type().name()));
        e.addExtension("text", new StringType(org.eligo.core.trial.RegistryText.display(c.criterion().text())));
        e.addExtension("status", new CodeType(c.status().name()));
        e.addExtension("confirmAtScreening", new BooleanType(c.criterion().confirmAtScreening()));
      }
      m.result().questions().forEach(q -> search.addExtension(FhirExtensions.MISSING_DATA, new StringType(q)));
    }
    if (!report.diagnostics().isEmpty() || report.deceased()) {
      OperationOutcome outcome = new OperationOutcome();
      if (report.deceased()) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(report.deceasedNotice());
      }
      report.diagnostics().forEach(d -> outcome.addIssue()
          .setSeverity(switch (d.severity()) {
            case ERROR -> OperationOutcome.IssueSeverity.ERROR;
            case WARNING -> OperationOutcome.IssueSeverity.WARNING;
            case INFO -> OperationOutcome.IssueSeverity.INFORMATION;
          })
          .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(d.location() + ": " + d.message()));
      Bundle.BundleEntryComponent entry = bundle.addEntry();
      entry.setResource(outcome);
      entry.getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
    }
    return bundle;
  }

  /**
   * The search score, 0 to 1, in the order of the ranking: ELIGIBLE 1 for a trial that studies one of the patient's
   * diagnoses and 0.95 for another; NEEDS_INFO 0.5 + 0.4 / (criteria still open) for a trial that studies one of the
   * patient's diagnoses (0.9 with one open criterion) and 0.1 + 0.35 / (criteria still open) for another (at most
   * 0.45); INELIGIBLE 0.
   */
  static double score(TrialMatch m) {
    Verdict v = m.result().verdict();
    boolean forPatient = m.studiesAConditionOfThePatient();
    if (v == Verdict.ELIGIBLE) return forPatient ? 1.0 : 0.95;
    if (v == Verdict.INELIGIBLE) return 0.0;
    int open = Math.max(1, m.openCriteria());
    double score = forPatient ? 0.5 + 0.4 / open : 0.1 + 0.35 / open;
    return Math.round(score * 1000) / 1000.0;
  }

  /** The body as a JSON object (400 when not JSON, 422 when not an object). */
  private static JsonNode resource(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ApiProblem(ProblemType.INVALID_FHIR, "The body must be a FHIR resource (a JSON object).");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw JsonBodies.malformed(e);
    }
  }

  private static void write(Context ctx, IBaseResource resource) {
    IParser parser = FHIR.newJsonParser();
    String pretty = ctx.queryParam("_pretty");
    parser.setPrettyPrint(pretty != null && pretty.toLowerCase(Locale.ROOT).equals("true"));
    ctx.contentType(FHIR_JSON + "; charset=utf-8").result(parser.encodeResourceToString(resource));
  }

  private static String baseUrl(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }
}
