package org.eligo.server.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;
import org.eligo.fhir.UnusableFhirInputException;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.eligo.search.TrialHit;
import org.eligo.search.TrialQuery;
import org.eligo.server.RouteTable;
import org.eligo.server.api.SearchFilters;
import org.eligo.server.api.TrialLookup;
import org.eligo.server.check.Answers;
import org.eligo.server.check.EligibilityCheck;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.Deadlines;
import org.eligo.server.http.ProblemType;

/** The web pages' routes: find trials, trial pages, eligibility checks, the interest form, the stylesheet and icon. */
public final class WebRoutes {
  private static final String CSS = readResource("/org/eligo/server/assets/eligo.css");
  private static final String ICON = readResource("/org/eligo/server/assets/eligo.svg");
  private final TrialLookup lookup;
  private final Messages m = Messages.of(Locale.ENGLISH);

  public WebRoutes(TrialLookup lookup) {
    this.lookup = lookup;
  }

  public void register(RouteTable routes, Deadlines deadlines) {
    routes.get("/", deadlines.within(this::search));
    routes.get("/search", deadlines.within(this::search));
    routes.get("/trials/{nctId}", deadlines.within(this::trial));
    routes.get("/trials/{nctId}/check", deadlines.within(this::checkTrial));
    routes.post("/trials/{nctId}/check", deadlines.within(this::checkTrial));
    routes.post("/trials/{nctId}/check/fhir", deadlines.within(this::uploadTrial));
    routes.get("/check", deadlines.within(this::checkAll));
    routes.post("/check", deadlines.within(this::checkAll));
    routes.post("/check/fhir", deadlines.within(this::uploadAll));
    // /trials/{nctId}/interest is served by org.eligo.server.referral.InterestRoutes (stores and forwards).
    routes.get("/assets/eligo.css", ctx -> ctx.contentType("text/css; charset=utf-8")
        .header("Cache-Control", "public, max-age=3600").result(CSS));
    routes.get("/assets/eligo.svg", ctx -> ctx.contentType("image/svg+xml")
        .header("Cache-Control", "public, max-age=86400").result(ICON));
    // browsers and bookmark tools ask for /favicon.ico whatever the page says
    routes.get("/favicon.ico", ctx -> ctx.redirect("/assets/eligo.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
  }

  void search(Context ctx) {
    String q = ctx.queryParam("q");
    // an NCT number the registry holds goes straight to its page, open to enrolment or not (as on ClinicalTrials.gov)
    if (org.eligo.server.http.NctIds.isNctId(q)) {
      String id = q.strip().toUpperCase(java.util.Locale.ROOT);
      if (lookup.registry().trial(id).isPresent()) {
        ctx.redirect("/trials/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
        return;
      }
    }
    String title = q == null || q.isBlank() ? m.get("search.title") : m.get("search.pageTitle", q.strip());
    SearchView view = new SearchView(lookup, m, ctx.queryParamMap());
    String main = view.render();
    if (view.invalid()) ctx.status(400);
    page(ctx, title, main, Layout.Nav.FIND);
  }

  void trial(Context ctx) {
    Trial t = lookup.trial(ctx.pathParam("nctId"));
    page(ctx, t.title(), new TrialView(lookup, m).render(t), Layout.Nav.FIND);
  }

  void checkTrial(Context ctx) {
    Trial t = lookup.trial(ctx.pathParam("nctId"));
    CriteriaSet set = lookup.criteria(t).orElse(new CriteriaSet(t.nctId(), List.of()));
    Step step = step(ctx);
    CheckView view = new CheckView(m);
    EligibilityCheck check = EligibilityCheck.run(List.of(new MatchCandidate(t, set)), step.answers(),
        LocalDate.now(), view::wording);
    String title = m.get("check.trialTitle", t.title());
    noStore(ctx);
    page(ctx, title, view.render(title, set.criteria().isEmpty() ? m.get("trial.criteria.none") : m.get("check.intro"),
        "/trials/" + t.nctId() + "/check", t.nctId(), check, step.answers(), step.error(), null, step.previous(), ""),
        Layout.Nav.CHECK);
  }

  void checkAll(Context ctx) {
    Step step = step(ctx);
    String narrow = ctx.method().name().equals("POST") ? ctx.formParam("narrow") : ctx.queryParam("q");
    if (narrow != null && (narrow.isBlank() || narrow.length() > 200)) narrow = null;
    CheckView view = new CheckView(m);
    List<MatchCandidate> candidates = openCandidates(narrow);
    EligibilityCheck check = EligibilityCheck.run(candidates, step.answers(), LocalDate.now(), view::wording);
    noStore(ctx);
    Html intro = new Html();
    if (narrow != null && candidates.isEmpty()) {
      // nothing to check: say so, and how to go on, instead of "0 trials checked"
      String q = narrow.strip();
      intro.raw("<p class=\"notice warn\" role=\"status\">").text(m.get("check.narrowNone", q));
      lookup.registry().search().didYouMean(q).ifPresent(better -> intro.raw(" ").text(m.get("search.didYouMean"))
          .raw(" <a href=\"/check?q=").raw(Html.escape(Html.url(better))).raw("\">").text(better).raw("</a>?"));
      intro.raw(" <a href=\"/check\">").text(m.get("check.narrowAll")).raw("</a></p>");
    }
    if (step.answers().isEmpty()) {
      intro.raw("<form method=\"get\" action=\"/check\" class=\"searchbar\"><div class=\"q\"><label for=\"narrow\">")
          .text(m.get("check.narrow")).raw("</label><input type=\"search\" id=\"narrow\" name=\"q\" value=\"")
          .text(narrow == null ? "" : narrow).raw("\"></div><div><button type=\"submit\" class=\"secondary\">")
          .text(m.get("check.narrowButton")).raw("</button></div></form>");
    }
    // the narrowing search comes after the page's heading and introduction
    String body = view.render(m.get("check.title"), m.get("check.introAll"), "/check", null, check, step.answers(),
        step.error(), narrow, step.previous(), intro.toString());
    page(ctx, m.get("check.title"), body, Layout.Nav.CHECK);
  }

  private List<MatchCandidate> openCandidates(String narrow) {
    List<MatchCandidate> open = new ArrayList<>();
    if (narrow == null) {
      for (MatchCandidate c : lookup.registry().candidates()) {
        if (c.trial().overallStatus().isOpenToEnrolment()) open.add(c);
        if (open.size() >= 200) break;
      }
      return open;
    }
    var page = lookup.registry().search().search(TrialQuery.builder().text(narrow)
        .filters(org.eligo.search.TrialFilters.NONE.withOverallStatus(SearchFilters.OPEN)).pageSize(50).facetLimit(0)
        .build());
    for (TrialHit hit : page.hits()) {
      lookup.registry().trial(hit.nctId()).ifPresent(t -> open.add(new MatchCandidate(t,
          lookup.criteria(t).orElse(new CriteriaSet(t.nctId(), List.of())))));
    }
    return open;
  }

  void uploadTrial(Context ctx) {
    Trial t = lookup.trial(ctx.pathParam("nctId"));
    String title = m.get("check.trialTitle", t.title());
    noStore(ctx);
    MatchReport report;
    try {
      report = lookup.registry().match(new MatchRequest(uploaded(ctx), List.of(t.nctId()), false, LocalDate.now()));
    } catch (UnusableFhirInputException | ApiProblem e) {
      unreadableUpload(ctx, title, "/trials/" + t.nctId() + "/check/fhir", e);
      return;
    }
    page(ctx, title, new UploadView(m).render(title, report, t.nctId()), Layout.Nav.CHECK);
  }

  void uploadAll(Context ctx) {
    noStore(ctx);
    MatchReport report;
    try {
      report = lookup.registry().match(new MatchRequest(uploaded(ctx), List.of(), false, LocalDate.now()));
    } catch (UnusableFhirInputException | ApiProblem e) {
      unreadableUpload(ctx, m.get("check.title"), "/check/fhir", e);
      return;
    }
    page(ctx, m.get("check.title"), new UploadView(m).render(m.get("check.title"), report, null), Layout.Nav.CHECK);
  }

  /**
   * A file that is not a usable FHIR Bundle (or no file): the check page again with why, and the upload form open to
   * choose another (422; 400 without a file), instead of an error page that leads away from the check.
   */
  private void unreadableUpload(Context ctx, String title, String action, RuntimeException e) {
    String why;
    if (e instanceof UnusableFhirInputException u) {
      why = u.diagnostics().isEmpty() ? m.get("check.uploadUnusable")
          : u.diagnostics().stream().map(d -> d.location().isBlank() ? d.message() : d.location() + ": " + d.message())
              .collect(java.util.stream.Collectors.joining("; "));
      ctx.status(422);
    } else if (e instanceof ApiProblem p && p.type() == ProblemType.BAD_REQUEST) {
      why = p.detail();
      ctx.status(400);
    } else {
      throw e;
    }
    why = why.strip();
    if (why.endsWith(".")) why = why.substring(0, why.length() - 1);
    Html h = new Html();
    h.el("h1", title);
    h.raw("<p class=\"error\" role=\"alert\">").text(m.get("check.uploadUnreadable", why)).raw("</p>");
    new CheckView(m).upload(h, action, true);
    h.raw("<p><a href=\"").text(action.substring(0, action.length() - "/fhir".length())).raw("\">")
        .text(m.get("check.uploadInstead")).raw("</a></p>");
    page(ctx, title, h.toString(), Layout.Nav.CHECK);
  }

  private static String uploaded(Context ctx) {
    UploadedFile file = ctx.uploadedFile("bundle");
    if (file == null) throw ApiProblem.badRequest("Choose a FHIR Bundle file to upload.");
    try (InputStream in = file.content()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answers of a check step, after "start over", "change" and checking numbers. */
  private Step step(Context ctx) {
    if (!ctx.method().name().equals("POST")) return new Step(Answers.NONE, null);
    Map<String, List<String>> form = ctx.formParamMap();
    if (form.containsKey("restart")) return new Step(Answers.NONE, null);
    Answers answers = Answers.fromForm(form);
    String change = ctx.formParam("change");
    Map<String, String> previous = new java.util.HashMap<>();
    if (change != null) {
      keepTyped(previous, answers, change);
      answers = answers.without(change);
    }
    String error = null;
    for (String key : Set.copyOf(answers.values().keySet())) {
      boolean numeric = key.equals("age") || key.startsWith("m.");
      String v = answers.get(key);
      if (numeric && !v.equals(Answers.UNKNOWN) && !isNumber(v, key.equals("age"))) {
        keepTyped(previous, answers, key);
        answers = answers.without(key);
        error = m.get(key.equals("age") ? "check.ageError" : "check.numberError");
      }
      if (key.startsWith("uln.") && !v.equals(Answers.UNKNOWN) && !isNumber(v, false)) answers = answers.minus(key);
      if (key.startsWith("m.") && !v.equals(Answers.UNKNOWN) && isNumber(v, false)) {
        String outside = implausible(key.substring(2), Double.parseDouble(v.strip().replace(',', '.')),
            answers.get("unit." + key));
        if (outside != null) {
          // asked again with what was typed and the unit chosen, so that correcting the number keeps its unit
          keepTyped(previous, answers, key);
          answers = answers.without(key);
          error = m.get("check.implausible", outside);
        }
      }
    }
    return new Step(answers, error, Map.copyOf(previous));
  }

  /** Keeps an answer about to be asked again (its value, unit and upper limit) to show in its question. */
  private static void keepTyped(Map<String, String> previous, Answers answers, String key) {
    for (String k : List.of(key, "unit." + key, "uln." + key)) {
      String value = answers.get(k);
      if (value != null) previous.put(k, value);
    }
  }

  private static final java.util.function.Supplier<org.eligo.terminology.Terminology> TERMINOLOGY =
      new java.util.function.Supplier<>() {
        private volatile org.eligo.terminology.Terminology loaded;

        @Override
        public org.eligo.terminology.Terminology get() {
          if (loaded == null) loaded = org.eligo.terminology.Terminology.load();
          return loaded;
        }
      };

  /**
   * The plausible range ("40–250 g/L") when a typed measurement lies outside what a person can have (a wrong unit or a
   * typo, e.g. haemoglobin 500 g/dL), else null (also when the measure or unit is not known here).
   */
  static String implausible(String measure, double value, String unit) {
    try {
      org.eligo.terminology.measure.Measure known = TERMINOLOGY.get().measures().stream()
          .filter(x -> x.key().equals(measure)).findFirst().orElse(null);
      if (known == null || known.canonicalUnit().isEmpty() || known.plausibleRange().isEmpty()) return null;
      String canonical = known.canonicalUnit().get();
      List<org.eligo.server.check.UnitChoice> units = org.eligo.server.check.UnitChoice.forMeasure(measure, canonical);
      org.eligo.server.check.UnitChoice chosen = units.stream().filter(u -> u.code().equals(unit)).findFirst()
          .orElse(unit == null && !units.isEmpty() ? units.get(0) : null);
      if (chosen == null) return null;
      double converted = value * chosen.toCanonical();
      var range = known.plausibleRange().get();
      if (range.contains(converted)) return null;
      return format(range.min() / chosen.toCanonical()) + "–" + format(range.max() / chosen.toCanonical()) + " "
          + chosen.code();
    } catch (RuntimeException e) {
      return null; // no check rather than a wrong one
    }
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  private static boolean isNumber(String v, boolean whole) {
    try {
      double d = Double.parseDouble(v.strip().replace(',', '.'));
      return Double.isFinite(d) && d >= 0 && (!whole || (d == Math.rint(d) && d <= 130));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * @param previous the answer being changed ("Change"), to show in its question again: its value under the
   *     question's key, its unit under {@code unit.KEY}, an upper limit under {@code uln.KEY}
   */
  private record Step(Answers answers, String error, Map<String, String> previous) {
    Step(Answers answers, String error) {
      this(answers, error, Map.of());
    }
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  private void page(Context ctx, String title, String main, Layout.Nav nav) {
    ctx.html(Layout.page(m, title, main, nav));
  }

  private static final java.util.regex.Pattern STAFF_REFERRAL = java.util.regex.Pattern.compile(
      "/staff/referrals/[0-9]{1,18}(?=/|$)");

  /** Renders a problem as an HTML page (used by the central error handling). */
  public void errorPage(Context ctx, ApiProblem problem) {
    Html h = new Html();
    h.el("h1", m.get("error.title"));
    h.el("p", problem.type() == ProblemType.NOT_FOUND && problem.detail().startsWith("Nothing is served")
        ? m.get("error.404") : problem.detail());
    // staff go back to where they were working, not to the public start page
    java.util.regex.Matcher referral = STAFF_REFERRAL.matcher(ctx.path());
    if (referral.lookingAt()) {
      h.raw("<p><a href=\"").text(referral.group()).raw("\">").text(m.get("error.backReferral")).raw("</a></p>");
    } else if (ctx.path().equals("/staff") || ctx.path().startsWith("/staff/") && !ctx.path().startsWith("/staff/login")) {
      h.raw("<p><a href=\"/staff\">").text(m.get("error.backStaff")).raw("</a></p>");
    } else {
      h.raw("<p><a href=\"/\">").text(m.get("error.back")).raw("</a></p>");
    }
    ctx.html(Layout.page(m, m.get("error.title"), h.toString(), Layout.Nav.NONE));
  }

  private static String readResource(String path) {
    try (InputStream in = WebRoutes.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
