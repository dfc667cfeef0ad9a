package org.eligo.server.staff;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.json.RuleFileProblem;
import org.eligo.criteria.json.RuleFileReading;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.referral.DeskResult;
import org.eligo.referral.ReferralDesk;
import org.eligo.referral.ReferralDetails;
import org.eligo.referral.Referrals;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.limits.LoginThrottle;
import org.eligo.referral.record.ReferralStatus;
import org.eligo.referral.record.ReferralSummary;
import org.eligo.referral.staff.AccessPolicy;
import org.eligo.referral.staff.StaffOperation;
import org.eligo.referral.staff.StaffSession;
import org.eligo.referral.staff.StaffUser;
import org.eligo.registry.Registry;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.NctIds;
import org.eligo.server.http.ProblemType;
import org.eligo.server.referral.Csrf;
import org.eligo.server.referral.FormBody;
import org.eligo.server.referral.Texts;
import org.eligo.server.web.Layout;
import org.eligo.server.web.Messages;
import org.eligo.store.rules.RuleSetOrigin;

/**
 * The staff area under {@code /staff}. Pages need a session; {@code /staff/api/…}, the CSV export and the screening
 * log also take a bearer API token. Every operation goes through {@link ReferralDesk}; its answers map to HTTP as
 * Ok → 200, NotFound → 404, Forbidden → 403, Invalid → 400.
 */
public final class StaffRoutes {

  private final Registry registry;
  private final Referrals referrals;
  private final StaffAuth auth;
  private final LoginThrottle throttle;
  private final Consumer<String> rulesSaved;
  private final Clock clock;
  private final StaffPages pages = new StaffPages();
  private final Messages messages = Messages.of(Locale.ENGLISH);
  private final Texts t = Texts.english();

  /** @param rulesSaved told the trial id after curated rules were saved, to refresh compiled rules */
  public StaffRoutes(Registry registry, Referrals referrals, Consumer<String> rulesSaved, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.referrals = Objects.requireNonNull(referrals, "referrals");
    this.rulesSaved = Objects.requireNonNull(rulesSaved, "rulesSaved");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.auth = new StaffAuth(referrals);
    this.throttle = new LoginThrottle(clock);
  }

  public void register(BiConsumer<String, Handler> get, BiConsumer<String, Handler> post) {
    get.accept("/staff/login", this::loginPage);
    post.accept("/staff/login", this::login);
    post.accept("/staff/logout", this::logout);
    get.accept("/staff", this::list);
    get.accept("/staff/api/referrals", this::listJson);
    get.accept("/staff/referrals/{id}", this::referral);
    post.accept("/staff/referrals/{id}/status", this::changeStatus);
    post.accept("/staff/referrals/{id}/notes", this::addNote);
    post.accept("/staff/referrals/{id}/erase", this::erase);
    get.accept("/staff/trials/{nctId}/export.csv", this::export);
    get.accept("/staff/trials/{nctId}/screening", this::screening);
    get.accept("/staff/trials/{nctId}/rules", this::rules);
    post.accept("/staff/trials/{nctId}/rules", this::saveRules);
    get.accept("/staff/audit", this::audit);
  }

  void loginPage(Context ctx) {
    page(ctx, 200, t.get("staff.login.title"), pages.login(Csrf.token(ctx), null));
  }

  void login(Context ctx) {
    FormBody form = form(ctx);
    if (!Csrf.valid(ctx, form.get(Csrf.FIELD))) {
      page(ctx, 403, t.get("staff.login.title"), pages.login(Csrf.token(ctx), t.get("interest.csrf")));
      return;
    }
    String email = Optional.ofNullable(form.get("email")).orElse("").strip();
    String client = ctx.ip();
    if (email.length() > 254 || !throttle.allowed(email, client)) {
      referrals.audit().append(null, truncate(email), AuditAction.LOGIN_THROTTLED, null, null, null);
      ctx.header("Retry-After", "900");
      page(ctx, 429, t.get("staff.login.title"), pages.login(Csrf.token(ctx), t.get("staff.login.throttled"),
          email.length() > 254 ? null : email));
      return;
    }
    Optional<StaffUser> user = referrals.staff().authenticate(email, form.get("password"));
    if (user.isEmpty()) {
      throttle.failed(email, client);
      referrals.audit().append(null, truncate(email), AuditAction.LOGIN_FAILED, null, null, null);
      page(ctx, 401, t.get("staff.login.title"), pages.login(Csrf.token(ctx), t.get("staff.login.failed"), email));
      return;
    }
    throttle.succeeded(email);
    StaffSession session = referrals.sessions().create(user.get());
    referrals.audit().append(user.get().id(), user.get().email(), AuditAction.LOGIN, "user:" + user.get().id(), null,
        null);
    StaffAuth.setSessionCookie(ctx, session);
    ctx.redirect("/staff", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    requireCsrf(ctx, caller, form(ctx));
    caller.session().ifPresent(s -> referrals.sessions().delete(s.id()));
    referrals.audit().append(caller.user().id(), caller.user().email(), AuditAction.LOGOUT, null, null, null);
    StaffAuth.clearSessionCookie(ctx);
    ctx.redirect("/staff/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void list(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    Optional<String> trial = Optional.ofNullable(blank(ctx.queryParam("trial"))).map(NctIds::require);
    Optional<ReferralStatus> status = Optional.ofNullable(blank(ctx.queryParam("status"))).map(StaffRoutes::status);
    Optional<String> text = Optional.ofNullable(blank(ctx.queryParam("q"))).filter(q -> q.length() <= 200);
    List<ReferralSummary> rows = ok(desk().list(caller.user(), trial, status, text, 0, 200));
    page(ctx, 200, t.get("staff.home.title"), pages.list(caller, rows, trial, status, text));
  }

  void listJson(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    Optional<String> trial = Optional.ofNullable(blank(ctx.queryParam("trial"))).map(NctIds::require);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReferralSummary r : ok(desk().list(caller.user(), trial, Optional.empty(), Optional.empty(), 0, 500))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("reference", r.reference());
      row.put("nctId", r.nctId());
      row.put("name", r.name().orElse(null));
      row.put("status", r.status().name());
      row.put("submittedAt", r.submittedAt().toString());
      out.add(row);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(Map.of("referrals", out));
  }

  void referral(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    ReferralDetails details = ok(desk().open(caller.user(), id(ctx)));
    boolean mayWrite = AccessPolicy.allows(caller.user(), StaffOperation.CHANGE_STATUS, details.referral().nctId());
    page(ctx, 200, t.get("staff.referral.title", details.referral().reference()),
        pages.referral(caller, details, mayWrite));
  }

  void changeStatus(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    FormBody form = form(ctx);
    requireCsrf(ctx, caller, form);
    long id = id(ctx);
    ok(desk().changeStatus(caller.user(), id, status(form.get("to"))));
    ctx.redirect("/staff/referrals/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void addNote(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    FormBody form = form(ctx);
    requireCsrf(ctx, caller, form);
    long id = id(ctx);
    ok(desk().addNote(caller.user(), id, form.get("body")));
    ctx.redirect("/staff/referrals/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void erase(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    FormBody form = form(ctx);
    requireCsrf(ctx, caller, form);
    long id = id(ctx);
    ok(desk().erase(caller.user(), id));
    ctx.redirect("/staff/referrals/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void export(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    String nct = NctIds.require(ctx.pathParam("nctId"));
    String csv = ok(desk().exportCsv(caller.user(), nct));
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Disposition", "attachment; filename=\"referrals-" + nct + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(csv);
  }

  void screening(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    String nct = NctIds.require(ctx.pathParam("nctId"));
    var log = ok(desk().screeningLog(caller.user(), nct));
    if (caller.session().isEmpty()) {
      ctx.json(Map.of("nctId", nct, "byStatus", log.byStatus(), "total", log.total(), "deliveries", log.deliveries()));
      return;
    }
    page(ctx, 200, t.get("staff.screening.title", nct), pages.screening(caller, log));
  }

  void rules(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    String nct = NctIds.require(ctx.pathParam("nctId"));
    ok(desk().mayEditRules(caller.user(), nct));
    String json = registry.ruleSets().findRuleSet(nct, RuleSetOrigin.CURATED).map(s -> s.documentJson())
        .orElseGet(() -> RuleSetJson.structural().write(registry.criteria(nct)
            .orElse(new CriteriaSet(nct, List.of()))));
    page(ctx, 200, t.get("staff.rules.title", nct), pages.rules(caller, nct, json, List.of(), List.of(), null));
  }

  void saveRules(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    String nct = NctIds.require(ctx.pathParam("nctId"));
    FormBody form = form(ctx);
    requireCsrf(ctx, caller, form);
    ok(desk().mayEditRules(caller.user(), nct));
    String json = Optional.ofNullable(form.get("json")).orElse("");
    RuleFileReading reading = RulePreview.read(json);
    List<RuleFileProblem> problems = new ArrayList<>(reading.problems());
    if (problems.isEmpty() && !nct.equals(reading.file().criteria().trialId())) {
      problems.add(new RuleFileProblem("$.trialId", "must be " + nct));
    }
    if (!problems.isEmpty()) {
      page(ctx, 400, t.get("staff.rules.title", nct), pages.rules(caller, nct, json, problems, List.of(), null));
      return;
    }
    CriteriaSet criteria = reading.file().criteria();
    var preview = RulePreview.preview(criteria, LocalDate.now(clock));
    String notice = null;
    if ("save".equals(form.get("action"))) {
      registry.ruleSets().saveRuleSet(nct, RuleSetOrigin.CURATED, json);
      desk().recordRulesEdit(caller.user(), nct, criteria.criteria().size() + " criteria");
      rulesSaved.accept(nct);
      notice = t.get("staff.rules.saved");
    }
    page(ctx, 200, t.get("staff.rules.title", nct), pages.rules(caller, nct, json, List.of(), preview, notice));
  }

  void audit(Context ctx) {
    StaffAuth.Caller caller = require(ctx);
    if (caller == null) return;
    var entries = ok(desk().auditLog(caller.user(), 500, 0));
    page(ctx, 200, t.get("staff.audit.title"), pages.audit(caller, entries));
  }

  private ReferralDesk desk() {
    return referrals.desk();
  }

  /** The caller; or null after redirecting a page request to the sign-in page; API calls get 401. */
  private StaffAuth.Caller require(Context ctx) {
    Optional<StaffAuth.Caller> caller = auth.caller(ctx);
    if (caller.isPresent()) return caller.get();
    if (ctx.method().name().equals("GET") && ctx.header("Authorization") == null
        && !ctx.path().startsWith("/staff/api/")) {
      ctx.redirect("/staff/login", io.javalin.http.HttpStatus.SEE_OTHER);
      return null;
    }
    throw new ApiProblem(ProblemType.UNAUTHORIZED, "Sign in, or send an API token as 'Authorization: Bearer …'.");
  }

  private void requireCsrf(Context ctx, StaffAuth.Caller caller, FormBody form) {
    if (!StaffAuth.csrfOk(ctx, caller, form.get(Csrf.FIELD))) {
      desk().recordDenied(caller.user(), StaffOperation.LIST_REFERRALS, "csrf:" + ctx.path(), null);
      throw new ApiProblem(ProblemType.FORBIDDEN, t.get("interest.csrf"));
    }
  }

  private FormBody form(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the form as application/x-www-form-urlencoded.");
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > 512 * 1024) throw new ApiProblem(ProblemType.CONTENT_TOO_LARGE, "The form is too large.");
    return FormBody.parse(body).orElseThrow(() -> ApiProblem.badRequest(t.get("interest.badBody")));
  }

  private <T> T ok(DeskResult<T> result) {
    return switch (result) {
      case DeskResult.Ok<T> ok -> ok.value();
      case DeskResult.NotFound<T> n -> throw ApiProblem.notFound("No such referral.");
      case DeskResult.Forbidden<T> f -> throw new ApiProblem(ProblemType.FORBIDDEN, t.get("staff.forbidden"));
      case DeskResult.Invalid<T> i -> throw ApiProblem.badRequest(t.get("staff.invalid", i.reason()));
    };
  }

  private static long id(Context ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      if (id < 1) throw new NumberFormatException();
      return id;
    } catch (NumberFormatException e) {
      throw ApiProblem.notFound("No such referral.");
    }
  }

  private static ReferralStatus status(String text) {
    try {
      return ReferralStatus.valueOf(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("Unknown status.");
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String truncate(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() > 254 ? clean.substring(0, 254) : clean.isEmpty() ? "(none)" : clean;
  }

  private void page(Context ctx, int status, String title, String main) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(messages, title, main, Layout.Nav.NONE));
  }
}
