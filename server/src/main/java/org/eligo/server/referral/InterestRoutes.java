package org.eligo.server.referral;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eligo.core.trial.Trial;
import org.eligo.referral.Receipt;
import org.eligo.referral.Referrals;
import org.eligo.referral.form.Answer;
import org.eligo.referral.form.FieldProblem;
import org.eligo.referral.form.FormCheck;
import org.eligo.referral.form.InterestFormInput;
import org.eligo.referral.form.InterestFormValidator;
import org.eligo.referral.form.Problem;
import org.eligo.referral.limits.RateLimiter;
import org.eligo.referral.outbox.DestinationResolver;
import org.eligo.registry.Registry;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.NctIds;
import org.eligo.server.http.ProblemType;
import org.eligo.server.web.Layout;
import org.eligo.server.web.Messages;

/**
 * {@code GET/POST /trials/{nctId}/interest} and {@code GET/POST /referrals/withdraw}. A POST without
 * {@code send=1} (from the eligibility check, carrying its answers as {@code a.<key>}) only shows the form; a POST
 * with it must carry the CSRF token, is rate-limited per client, validated, and stored before the reference number
 * is shown.
 */
public final class InterestRoutes {

  /** The largest interest or withdrawal form body accepted. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final Registry registry;
  private final Referrals referrals;
  private final RateLimiter sends;
  private final Messages messages = Messages.of(Locale.ENGLISH);
  private final Texts t = Texts.english();
  private final InterestPage page = new InterestPage(t);
  private final RecentSubmissions<Receipt> recent;

  /** @param sendsPerClient how many forms one client address may send in 10 minutes */
  public InterestRoutes(Registry registry, Referrals referrals, int sendsPerClient, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.referrals = Objects.requireNonNull(referrals, "referrals");
    this.sends = new RateLimiter(sendsPerClient, Duration.ofMinutes(10), clock);
    this.recent = new RecentSubmissions<>(clock);
  }

  public void register(BiConsumer<String, Handler> get, BiConsumer<String, Handler> post) {
    get.accept("/trials/{nctId}/interest", this::show);
    post.accept("/trials/{nctId}/interest", this::post);
    get.accept("/referrals/withdraw", this::showWithdraw);
    post.accept("/referrals/withdraw", this::withdraw);
  }

  void show(Context ctx) {
    Trial trial = trial(ctx);
    if (refusedAsClosed(ctx, trial)) return;
    render(ctx, 200, trial, page.form(trial, sites(trial), Map.of(), List.of(), Csrf.token(ctx), Map.of(), Map.of(),
        false));
  }

  void post(Context ctx) {
    Trial trial = trial(ctx);
    if (refusedAsClosed(ctx, trial)) return;
    FormBody form = body(ctx, trial.title());
    Map<String, String> answers = answers(form);
    if (!"1".equals(form.get("send"))) {
      render(ctx, 200, trial, page.form(trial, sites(trial), Map.of(), List.of(), Csrf.token(ctx), answers,
          readable(trial, answers), false));
      return;
    }
    if (!Csrf.valid(ctx, form.get(Csrf.FIELD))) {
      // Expired (or never set) protection: nothing is sent, and what was typed comes back with a fresh token.
      render(ctx, 403, trial, page.alert(t.get("interest.csrfResend")) + page.form(trial, sites(trial), typed(form),
          List.of(), Csrf.token(ctx), answers, readable(trial, answers), form.checked("shareAnswers")));
      return;
    }
    List<String> sites = sites(trial);
    String site = form.get("site");
    boolean unknownSite = site != null && !site.isEmpty() && !sites.contains(site);
    List<Answer> shared = new ArrayList<>();
    if (form.checked("shareAnswers")) readable(trial, answers).forEach((q, v) -> shared.add(new Answer(q, v)));
    InterestFormInput input = new InterestFormInput(form.get("name"), form.get("email"), form.get("phone"),
        form.checked("consentContact"), form.checked("consentShare"), shared, form.get("message"),
        unknownSite || site == null || site.isEmpty() ? null : site);
    // The same form sent again (a double click, a reload) stores nothing: its receipt again, not counted as a send.
    String token = form.get(InterestPage.SUBMISSION_FIELD);
    String key = token == null || token.isBlank() ? null : sameFormKey(trial.nctId(), token, input);
    Optional<Receipt> earlier = key == null ? Optional.empty() : recent.earlier(key);
    if (earlier.isPresent()) {
      render(ctx, 200, trial, page.sent(trial, earlier.get(), Optional.ofNullable(input.email()).filter(e -> !e.isBlank())));
      return;
    }
    if (!sends.tryAcquire(ctx.ip())) {
      ctx.header("Retry-After", "600");
      // nothing is sent, and what was typed comes back to send again later
      render(ctx, 429, trial, page.alert(t.get("interest.tooManyResend")) + page.form(trial, sites(trial), typed(form),
          List.of(), Csrf.token(ctx), answers, readable(trial, answers), form.checked("shareAnswers")));
      return;
    }
    FormCheck check = InterestFormValidator.check(input);
    List<FieldProblem> problems = new ArrayList<>(check instanceof FormCheck.Refused r ? r.problems() : List.of());
    if (unknownSite) problems.add(new FieldProblem("site", Problem.INVALID_FORMAT));
    if (!problems.isEmpty() || !(check instanceof FormCheck.Accepted accepted)) {
      render(ctx, 400, trial, page.form(trial, sites, typed(form), problems, Csrf.token(ctx), answers,
          readable(trial, answers), form.checked("shareAnswers")));
      return;
    }
    // Sent twice at once, the form is still stored once; the second sees the first's receipt.
    Receipt receipt = key == null
        ? referrals.service().submit(trial.nctId(), Optional.of(trial), accepted.form())
        : recent.once(key, () -> referrals.service().submit(trial.nctId(), Optional.of(trial), accepted.form()));
    render(ctx, 200, trial, page.sent(trial, receipt, accepted.form().email()));
  }

  /** The page's token and a digest of what the form says: sent again after a change, it is a new form. */
  private static String sameFormKey(String nctId, String token, InterestFormInput input) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(String.join("\u0000", nctId, input.name(), input.email(), input.phone(),
              String.valueOf(input.consentToContact()), String.valueOf(input.consentToShare()),
              String.valueOf(input.answers()), input.message(), input.siteKey())
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return token + ":" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A trial the registry says takes no one new gets no interest form: a page that says so (409). */
  private boolean refusedAsClosed(Context ctx, Trial trial) {
    if (!org.eligo.server.web.TrialText.closedToNewPeople(trial)) return false;
    render(ctx, 409, trial, page.closed(trial, messages.get("interest.closed", messages.get("status."
        + trial.overallStatus().name())), messages.get("interest.closed.search")));
    return true;
  }

  void showWithdraw(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(messages, t.get("withdraw.title"), page.withdrawForm(Csrf.token(ctx), null),
        Layout.Nav.NONE));
  }

  void withdraw(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    FormBody form = body(ctx, t.get("withdraw.title"));
    String message;
    // typed again after a refusal; the code never is
    String keep = Optional.ofNullable(form.get("reference")).orElse("");
    if (!Csrf.valid(ctx, form.get(Csrf.FIELD))) {
      ctx.status(403);
      message = t.get("interest.csrf");
    } else if (!sends.tryAcquire(ctx.ip())) {
      ctx.status(429);
      message = t.get("interest.tooMany");
    } else if (referrals.service().withdraw(form.get("reference"), form.get("code"))) {
      message = t.get("withdraw.done");
      keep = null;
    } else {
      ctx.status(404);
      // this page says what was not found, with the form to try again: not the generic "no such page"
      org.eligo.server.http.ErrorResponses.answeredByRoute(ctx);
      message = t.get("withdraw.notFound");
    }
    ctx.html(Layout.page(messages, t.get("withdraw.title"), page.withdrawForm(Csrf.token(ctx), message, keep),
        Layout.Nav.NONE));
  }

  private Trial trial(Context ctx) {
    String nct = NctIds.require(ctx.pathParam("nctId"));
    return registry.trial(nct).orElseThrow(() -> ApiProblem.notFound("No trial " + nct + " in this registry."));
  }

  private FormBody body(Context ctx, String title) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, t.get("interest.badBody"));
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiProblem(ProblemType.CONTENT_TOO_LARGE, "The form is larger than " + MAX_BODY_BYTES + " bytes.");
    }
    return FormBody.parse(bytes).orElseThrow(() -> ApiProblem.badRequest(t.get("interest.badBody")));
  }

  private void render(Context ctx, int status, Trial trial, String main) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.html(Layout.page(messages, t.get("interest.title", trial.title()), main, Layout.Nav.FIND));
  }

  private static List<String> sites(Trial trial) {
    return DestinationResolver.siteKeys(trial);
  }

  /** The eligibility answers carried from the check ({@code a.<key>}, with {@code a.unit.<key>}), without limits. */
  private static Map<String, String> answers(FormBody form) {
    Map<String, String> out = new LinkedHashMap<>();
    form.fields().forEach((name, values) -> {
      if (name.startsWith("a.") && name.length() <= 120 && !values.isEmpty()) {
        String key = name.substring(2);
        String value = values.get(values.size() - 1).strip();
        // units travel with the answers (a.unit.<key>); upper limits of normal do not
        if (!key.startsWith("uln.") && !value.isEmpty() && value.length() <= 40) {
          out.put(key, value);
        }
      }
    });
    return out;
  }

  /**
   * The answers as the person and the trial team read them: each question's wording (as the check asked it) and the
   * answer with its unit, not the check's internal keys ("h.2061fe0408: no", "m.hemoglobin: 85").
   */
  Map<String, String> readable(Trial trial, Map<String, String> answers) {
    Map<String, org.eligo.server.check.Question> questions = new java.util.HashMap<>();
    registry.criteria(trial.nctId()).ifPresent(set -> org.eligo.server.check.QuestionPlanner.questions(set)
        .forEach(q -> questions.put(q.key(), q)));
    Map<String, String> out = new LinkedHashMap<>();
    answers.forEach((key, value) -> {
      if (key.startsWith("unit.")) return;
      org.eligo.server.check.Question q = questions.get(key);
      String wording = q == null ? key : messages.get(q.messageKey(), q.label(), messages.duration(q.days()));
      String unit = answers.get("unit." + key);
      if (unit == null && q != null && q.kind() == org.eligo.server.check.Question.Kind.MEASUREMENT) unit = q.unit();
      String shown = switch (value.toLowerCase(Locale.ROOT)) {
        case "yes" -> "yes";
        case "no" -> "no";
        case "unsure", "dontknow", "unknown" -> "not sure";
        default -> value + (unit == null || unit.isBlank() ? "" : " " + unit);
      };
      out.put(wording, shown);
    });
    return out;
  }

  private static Map<String, String> typed(FormBody form) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String field : List.of("name", "email", "phone", "message", "site", "consentContact", "consentShare")) {
      String v = form.get(field);
      if (v != null) typed.put(field, v.length() > 4000 ? v.substring(0, 4000) : v);
    }
    return typed;
  }
}
