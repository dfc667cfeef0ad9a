package org.eligo.server.referral;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eligo.core.trial.Trial;
import org.eligo.referral.Receipt;
import org.eligo.referral.form.FieldProblem;
import org.eligo.referral.form.InterestFormValidator;
import org.eligo.server.web.Html;

/** The HTML of the interest form, its receipt and the withdrawal form. Everything typed or from the registry is escaped. */
final class InterestPage {

  private final Texts t;

  /** The hidden field holding the page's one-time token: the same form sent twice is stored once. */
  static final String SUBMISSION_FIELD = "submission";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static String submissionToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  InterestPage(Texts t) {
    this.t = t;
  }

  String form(Trial trial, List<String> sites, Map<String, String> typed, List<FieldProblem> problems, String csrf,
      Map<String, String> answers, Map<String, String> readable, boolean shareAnswers) {
    Html h = new Html();
    h.el("h1", t.get("interest.title", trial.title()));
    h.el("p", t.get("interest.intro"));
    if (!problems.isEmpty()) {
      h.raw("<div class=\"error\" role=\"alert\"><p>").text(t.get("interest.problems")).raw("</p><ul>");
      for (FieldProblem p : problems) {
        h.raw("<li><a href=\"#").text(anchor(p.field())).raw("\">").text(label(p.field())).raw("</a>: ")
            .text(t.get(p.messageKey())).raw("</li>");
      }
      h.raw("</ul></div>");
    }
    h.raw("<form method=\"post\" action=\"/trials/").text(trial.nctId()).raw("/interest\" accept-charset=\"UTF-8\">")
        .raw("<input type=\"hidden\" name=\"send\" value=\"1\">")
        .raw("<input type=\"hidden\" name=\"").text(Csrf.FIELD).raw("\" value=\"").text(csrf).raw("\">")
        .raw("<input type=\"hidden\" name=\"").text(SUBMISSION_FIELD).raw("\" value=\"").text(submissionToken())
        .raw("\">");
    for (Map.Entry<String, String> a : answers.entrySet()) {
      h.raw("<input type=\"hidden\" name=\"a.").text(a.getKey()).raw("\" value=\"").text(a.getValue()).raw("\">");
    }
    input(h, "name", "text", "name", InterestFormValidator.MAX_NAME, typed, problems, true);
    h.el("p", "class=\"hint\"", t.get("interest.contactHint"));
    input(h, "email", "email", "email", InterestFormValidator.MAX_EMAIL, typed, problems, false);
    input(h, "phone", "tel", "tel", InterestFormValidator.MAX_PHONE, typed, problems, false);
    if (!sites.isEmpty()) {
      h.raw("<label for=\"site\">").text(t.get("interest.site")).raw("</label><select id=\"site\" name=\"site\">")
          .raw("<option value=\"\">").text(t.get("interest.site.any")).raw("</option>");
      for (String site : sites) {
        h.raw("<option value=\"").text(site).raw("\"").raw(site.equals(typed.get("site")) ? " selected" : "")
            .raw(">").text(String.join(", ", List.of(site.split("\\|")).stream().filter(s -> !s.isBlank()).toList()))
            .raw("</option>");
      }
      h.raw("</select>");
    }
    h.raw("<label for=\"message\">").text(t.get("interest.message")).raw("</label>")
        .raw("<textarea id=\"message\" name=\"message\" rows=\"4\" cols=\"40\" maxlength=\"")
        .raw(Integer.toString(InterestFormValidator.MAX_MESSAGE)).raw("\">").text(typed.getOrDefault("message", ""))
        .raw("</textarea>");
    if (!answers.isEmpty()) {
      h.raw("<h2>").text(t.get("interest.answers")).raw("</h2><ul>");
      readable.forEach((question, answer) -> h.raw("<li>").text(question).raw(" <strong>").text(answer)
          .raw("</strong></li>"));
      h.raw("</ul>");
      checkbox(h, "shareAnswers", t.get("interest.shareAnswers"), shareAnswers, false);
    }
    checkbox(h, "consentContact", t.get("interest.consentContact"), "yes".equals(typed.get("consentContact")), true);
    checkbox(h, "consentShare", t.get("interest.consentShare"), "yes".equals(typed.get("consentShare")), true);
    h.raw("<p><button type=\"submit\">").text(t.get("interest.submit")).raw("</button></p></form>");
    return h.toString();
  }

  String sent(Trial trial, Receipt receipt, Optional<String> email) {
    Html h = new Html();
    h.el("h1", t.get("interest.sent.title"));
    h.raw("<div class=\"notice\" role=\"status\">");
    h.el("p", t.get("interest.sent.body", trial.nctId()));
    h.raw("<dl class=\"facts\"><dt>").text(t.get("interest.sent.reference")).raw("</dt><dd><strong id=\"reference\">")
        .text(receipt.reference()).raw("</strong></dd><dt>").text(t.get("interest.sent.code"))
        .raw("</dt><dd><strong id=\"withdrawal-code\">").text(receipt.withdrawalCode()).raw("</strong></dd></dl>");
    h.el("p", t.get("interest.sent.keep"));
    email.ifPresent(e -> h.el("p", t.get("interest.sent.emailed", e)));
    if (!receipt.forwardedTo()) h.el("p", t.get("interest.sent.noContact"));
    h.raw("</div><p><a href=\"/trials/").text(trial.nctId()).raw("\">").text(trial.title()).raw("</a> · ")
        .raw("<a href=\"/referrals/withdraw\">").text(t.get("interest.sent.withdraw")).raw("</a></p>");
    return h.toString();
  }

  /** A message above the page's content, announced to screen readers. */
  String alert(String text) {
    return new Html().raw("<p class=\"error\" role=\"alert\">").text(text).raw("</p>").toString();
  }

  /** The page of a trial that takes no interest forms: why, a way back to the trial, and a way to open trials. */
  String closed(Trial trial, String why, String searchOpen) {
    Html h = new Html();
    h.el("h1", t.get("interest.title", trial.title()));
    h.raw("<p class=\"error\" role=\"alert\">").text(why).raw("</p><p><a href=\"/trials/").text(trial.nctId())
        .raw("\">").text(trial.title()).raw("</a> · <a href=\"/search\">").text(searchOpen).raw("</a></p>");
    return h.toString();
  }

  String withdrawForm(String csrf, String message) {
    return withdrawForm(csrf, message, null);
  }

  /**
   * The withdrawal form; {@code reference} is the reference typed before a refusal, shown again (never the code), and
   * the refusal is an alert.
   */
  String withdrawForm(String csrf, String message, String reference) {
    boolean refused = reference != null;
    Html h = new Html();
    h.el("h1", t.get("withdraw.title"));
    if (message != null) h.el("p", refused ? "class=\"error\" role=\"alert\"" : "class=\"notice\" role=\"status\"",
        message);
    h.el("p", t.get("withdraw.intro"));
    h.raw("<form method=\"post\" action=\"/referrals/withdraw\" accept-charset=\"UTF-8\">")
        .raw("<input type=\"hidden\" name=\"").text(Csrf.FIELD).raw("\" value=\"").text(csrf).raw("\">")
        .raw("<label for=\"reference\">").text(t.get("withdraw.reference"))
        .raw("</label><input type=\"text\" id=\"reference\" name=\"reference\" required maxlength=\"20\"")
        .raw(refused ? " value=\"" + Html.escape(reference.length() > 20 ? reference.substring(0, 20) : reference) + "\">"
            : ">")
        .raw("<label for=\"code\">").text(t.get("withdraw.code"))
        .raw("</label><input type=\"text\" id=\"code\" name=\"code\" required maxlength=\"20\" autocomplete=\"off\">")
        .raw("<p><button type=\"submit\">").text(t.get("withdraw.submit")).raw("</button></p></form>");
    return h.toString();
  }

  private void input(Html h, String name, String type, String autocomplete, int max, Map<String, String> typed,
      List<FieldProblem> problems, boolean required) {
    boolean bad = problems.stream().anyMatch(p -> p.field().equals(name));
    h.raw("<label for=\"").raw(name).raw("\">").text(t.get("interest." + name)).raw("</label>")
        .raw("<input type=\"").raw(type).raw("\" id=\"").raw(name).raw("\" name=\"").raw(name)
        .raw("\" autocomplete=\"").raw(autocomplete).raw("\" maxlength=\"").raw(Integer.toString(max)).raw("\"")
        .raw(required ? " required" : "").raw(bad ? " aria-invalid=\"true\"" : "")
        .raw(" value=\"").text(typed.getOrDefault(name, "")).raw("\">");
  }

  private static void checkbox(Html h, String name, String label, boolean checked, boolean required) {
    h.raw("<p class=\"choices\"><label for=\"").raw(name).raw("\"><input type=\"checkbox\" id=\"").raw(name)
        .raw("\" name=\"").raw(name).raw("\" value=\"yes\"").raw(checked ? " checked" : "")
        .raw(required ? " required" : "").raw(">").text(label).raw("</label></p>");
  }

  private static String anchor(String field) {
    return switch (field) {
      case "contact" -> "email";
      case "consentToContact" -> "consentContact";
      case "consentToShare" -> "consentShare";
      default -> field.contains("[") ? "message" : field;
    };
  }

  private String label(String field) {
    return switch (field) {
      case "name", "email", "phone", "message", "site" -> t.get("interest." + field);
      case "contact" -> t.get("interest.contactHint");
      case "consentToContact" -> t.get("interest.consentContact");
      case "consentToShare" -> t.get("interest.consentShare");
      default -> field;
    };
  }
}
