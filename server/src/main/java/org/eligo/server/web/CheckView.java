package org.eligo.server.web;

import java.util.List;
import java.util.Map;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.server.check.CheckedTrial;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.server.check.Answers;
import org.eligo.server.check.EligibilityCheck;
import org.eligo.server.check.Question;
import org.eligo.server.check.UnitChoice;

/**
 * "Check my eligibility": one question at a time with the answer so far beside it. The answers travel in hidden form
 * fields (POST, never in the URL); nothing is stored. Works without JavaScript.
 */
final class CheckView {
  private final Messages m;

  CheckView(Messages m) {
    this.m = m;
  }

  /** How a question is put to a person. */
  String wording(Question q) {
    return m.get(q.messageKey(), q.label(), m.duration(q.days()));
  }

  /**
   * The page body for one step.
   *
   * @param action where the step form posts ({@code /trials/NCT.../check} or {@code /check})
   * @param nctId the trial for a single-trial check, or null across open trials
   * @param error a message for the current question (e.g. "enter a number"), or null
   */
  String render(String title, String intro, String action, String nctId, EligibilityCheck check, Answers answers,
                String error, String narrow, Map<String, String> previous, String afterIntro) {
    Html h = new Html();
    h.el("h1", title);
    h.el("p", intro);
    h.raw(afterIntro);
    h.raw("<div class=\"two\"><div>");
    // "Change" asks that question now, whatever comes first otherwise
    Question next = check.questions().stream()
        .filter(q -> previous.containsKey(q.key()) && !answers.answered(q.key())).findFirst().orElse(check.next());
    h.raw("<form method=\"post\" action=\"").text(action).raw("\">");
    hiddenAnswers(h, answers, next == null ? null : next.key());
    if (narrow != null) h.raw("<input type=\"hidden\" name=\"narrow\" value=\"").text(narrow).raw("\">");
    if (next != null) {
      int done = check.answered(answers).size();
      int total = done + (int) check.questions().stream().filter(q -> !answers.answered(q.key())).count();
      // its place among the questions (a question asked again keeps its number)
      int number = 1 + (int) check.questions().stream().takeWhile(q -> !q.key().equals(next.key()))
          .filter(q -> answers.answered(q.key())).count();
      step(h, next, number, Math.max(total, number), error, previous);
    } else {
      h.raw("<p class=\"notice\">").text(m.get("check.done")).raw("</p>");
    }
    List<Question> answered = check.answered(answers);
    if (!answered.isEmpty()) {
      h.raw("<h2>").text(m.get("check.answers")).raw("</h2><dl class=\"facts\">");
      for (Question q : answered) {
        h.raw("<dt>").text(wording(q)).raw("</dt><dd>").text(answerText(q, answers)).raw(" <button type=\"submit\" ")
            .raw("class=\"link\" name=\"change\" value=\"").text(q.key()).raw("\" aria-label=\"")
            .text(m.get("check.change") + ": " + wording(q)).raw("\">").text(m.get("check.change"))
            .raw("</button></dd>");
      }
      h.raw("</dl><p><button type=\"submit\" class=\"secondary\" name=\"restart\" value=\"1\">")
          .text(m.get("check.startOver")).raw("</button></p>");
    }
    h.raw("</form></div><div>");
    if (nctId != null) {
      single(h, check.results().get(0), answers, next == null);
    } else {
      many(h, check.results(), answers);
    }
    h.raw("</div></div>");
    upload(h, action + "/fhir");
    return h.toString();
  }

  private void step(Html h, Question q, int number, int total, String error, Map<String, String> previous) {
    String field = "a." + q.key();
    String before = previous.get(q.key()); // the answer being changed, shown again
    String shown = before == null || before.equals(Answers.UNKNOWN) ? null : before;
    h.raw("<fieldset class=\"step\"><legend>").text(m.get("check.progress", number, total)).raw("</legend>");
    switch (q.kind()) {
      case AGE -> {
        h.raw("<label for=\"answer\">").text(wording(q)).raw("</label>");
        errorText(h, error);
        h.raw("<input type=\"number\" id=\"answer\" name=\"").text(field).raw("\" min=\"0\" max=\"130\" step=\"1\" ")
            .raw("inputmode=\"numeric\" autofocus").raw(error != null ? " aria-invalid=\"true\" aria-describedby=\"err\""
                : "").raw(value(shown)).raw("> ").text(m.get("check.years"));
        buttons(h, field);
      }
      case MEASUREMENT -> {
        h.raw("<label for=\"answer\">").text(wording(q)).raw("</label><p class=\"hint\" id=\"hint\">")
            .text(m.get("check.measurementHint", m.duration(q.days()))).raw("</p>");
        errorText(h, error);
        h.raw("<input type=\"text\" id=\"answer\" name=\"").text(field).raw("\" inputmode=\"decimal\" size=\"10\" ")
            .raw("aria-describedby=\"hint").raw(error != null ? " err\" aria-invalid=\"true" : "").raw("\" autofocus")
            .raw(value(shown)).raw(">");
        if (q.units().size() > 1) {
          h.raw(" <label for=\"unit\" class=\"visually-hidden\">").text(m.get("check.unit")).raw("</label>")
              .raw("<select id=\"unit\" name=\"a.unit.").text(q.key()).raw("\">");
          for (UnitChoice u : q.units()) {
            h.raw("<option value=\"").text(u.code()).raw("\"")
                .raw(u.code().equals(previous.get("unit." + q.key())) ? " selected" : "").raw(">")
                .text(m.get(u.messageKey())).raw("</option>");
          }
          h.raw("</select>");
        } else if (!q.units().isEmpty()) {
          h.raw(" <input type=\"hidden\" name=\"a.unit.").text(q.key()).raw("\" value=\"").text(q.units().get(0).code())
              .raw("\">").text(m.get(q.units().get(0).messageKey()));
        }
        if (q.askUpperLimit()) {
          h.raw("<label for=\"uln\">").text(m.get("check.upperLimit")).raw("</label><p class=\"hint\" id=\"ulnhint\">")
              .text(m.get("check.upperLimitHint")).raw("</p><input type=\"text\" id=\"uln\" name=\"a.uln.")
              .text(q.key()).raw("\" inputmode=\"decimal\" size=\"10\" aria-describedby=\"ulnhint\"")
              .raw(value(previous.get("uln." + q.key()))).raw(">");
        }
        buttons(h, field);
      }
      case SEX -> {
        h.raw("<p id=\"qtext\"><strong>").text(wording(q)).raw("</strong></p><div class=\"choices\" role=\"radiogroup\" ")
            .raw("aria-labelledby=\"qtext\">");
        choice(h, field, "female", m.get("check.female"), true, before);
        choice(h, field, "male", m.get("check.male"), false, before);
        choice(h, field, Answers.UNKNOWN, m.get("check.dontKnow"), false, before);
        h.raw("</div><p><button type=\"submit\">").text(m.get("check.next")).raw("</button></p>");
      }
      case YES_NO -> {
        h.raw("<p id=\"qtext\"><strong>").text(wording(q)).raw("</strong></p><div class=\"choices\" role=\"radiogroup\" ")
            .raw("aria-labelledby=\"qtext\">");
        choice(h, field, "yes", m.get("check.yes"), true, before);
        choice(h, field, "no", m.get("check.no"), false, before);
        choice(h, field, Answers.UNKNOWN, m.get("check.dontKnow"), false, before);
        h.raw("</div><p><button type=\"submit\">").text(m.get("check.next")).raw("</button></p>");
      }
    }
    h.raw("</fieldset>");
  }

  private void errorText(Html h, String error) {
    if (error != null) h.raw("<p class=\"error\" id=\"err\">").text(error).raw("</p>");
  }

  private void buttons(Html h, String field) {
    h.raw("<p class=\"actions\"><button type=\"submit\">").text(m.get("check.next")).raw("</button>")
        .raw("<button type=\"submit\" class=\"secondary\" name=\"").text(field).raw("\" value=\"").raw(Answers.UNKNOWN)
        .raw("\">").text(m.get("check.dontKnow")).raw("</button></p>");
  }

  private void choice(Html h, String field, String value, String label, boolean first, String before) {
    String id = "c-" + value;
    h.raw("<label for=\"").raw(id).raw("\"><input type=\"radio\" id=\"").raw(id).raw("\" name=\"").text(field)
        .raw("\" value=\"").raw(value).raw("\"").raw(first ? " autofocus required" : "")
        .raw(value.equals(before) ? " checked" : "").raw(">").text(label).raw("</label>");
  }

  /** A value attribute showing an earlier answer again (nothing when there is none). */
  private static String value(String earlier) {
    return earlier == null ? "" : " value=\"" + Html.escape(earlier) + "\"";
  }

  private String answerText(Question q, Answers a) {
    String v = a.get(q.key());
    if (v == null || v.equals(Answers.UNKNOWN)) return m.get("check.dontKnow");
    return switch (v) {
      case "yes" -> m.get("check.yes");
      case "no" -> m.get("check.no");
      case "female" -> m.get("check.female");
      case "male" -> m.get("check.male");
      default -> {
        String unit = a.get("unit." + q.key());
        String label = q.units().stream().filter(u -> u.code().equals(unit)).findFirst()
            .map(u -> m.get(u.messageKey())).orElse(q.kind() == Question.Kind.AGE ? m.get("check.years") : "");
        String uln = a.get("uln." + q.key());
        yield v + " " + label + (uln != null ? " (" + m.get("check.upperLimit") + ": " + uln + ")" : "");
      }
    };
  }

  static void hiddenAnswers(Html h, Answers answers, String except) {
    for (Map.Entry<String, String> e : answers.values().entrySet()) {
      if (except != null && (e.getKey().equals(except) || e.getKey().equals("unit." + except)
          || e.getKey().equals("uln." + except))) {
        continue;
      }
      h.raw("<input type=\"hidden\" name=\"a.").text(e.getKey()).raw("\" value=\"").text(e.getValue()).raw("\">");
    }
  }

  void single(Html h, CheckedTrial match, Answers answers) {
    single(h, match, answers, true);
  }

  /** @param done no question is left to ask here: list every open criterion's question, not only the team's */
  void single(Html h, CheckedTrial match, Answers answers, boolean done) {
    single(h, match, answers, done, false);
  }

  /**
   * @param done no question is left to ask here: list every open criterion's question, not only the team's
   * @param evidence show beside each criterion what the uploaded record said about it
   */
  void single(Html h, CheckedTrial match, Answers answers, boolean done, boolean evidence) {
    TrialResult r = match.result();
    Verdict v = r.verdict();
    h.raw("<section class=\"verdict ").raw(v.name()).raw("\" aria-live=\"polite\" aria-labelledby=\"verdict\">")
        .raw("<h2 id=\"verdict\">").text(m.get("check.result") + ": " + m.get("check.verdict." + v.name())).raw("</h2>")
        .raw("<p>").text(m.get((evidence ? "check.verdict.fromRecord." : "check.verdict.explain.") + v.name()))
        .raw("</p>");
    if (v == Verdict.INELIGIBLE) {
      h.raw("<ul>");
      for (CriterionResult c : r.reasons()) {
        h.raw("<li><strong>").text(org.eligo.core.trial.RegistryText.display(c.criterion().text())).raw("</strong><br>").text(m.get("check.because") + ": "
            + RuleDescriber.describe(c.criterion().rule())).raw("</li>");
      }
      h.raw("</ul>");
    }
    if (v == Verdict.NEEDS_INFO) {
      // what would settle each open criterion, also questions nested in a combined rule ("ineffective or
      // intolerant") and criteria Eligo could not read
      List<String> team = r.criteria().stream().filter(c -> c.status().isUnknown() && !c.criterion().confirmAtScreening())
          .flatMap(c -> !done || c.questions().isEmpty() ? asks(c.criterion().rule()).stream() : c.questions().stream())
          .distinct().toList();
      if (!team.isEmpty()) {
        h.raw("<p><strong>").text(m.get("check.teamQuestions")).raw(":</strong></p><ul>");
        team.forEach(q -> h.raw("<li>").text(q).raw("</li>"));
        h.raw("</ul>");
      }
    }
    if (!TrialText.closedToNewPeople(match.trial())) interestForm(h, match.trial().nctId(), answers);
    h.raw("</section>");
    h.raw("<h3>").text(m.get("trial.eligibility")).raw("</h3>");
    criteriaList(h, r, evidence);
  }

  /** Each criterion with its status for the person; with {@code evidence}, what the record said about it. */
  private void criteriaList(Html h, TrialResult r, boolean evidence) {
    h.raw("<ul class=\"criteria\">");
    for (CriterionResult c : r.criteria()) {
      boolean exclusion = c.criterion().type() == org.eligo.core.rule.CriterionType.EXCLUSION;
      String tag = c.criterion().confirmAtScreening() ? "screening" : c.excludes() ? "NOT_MET"
          : c.satisfied() ? "MET" : "UNKNOWN";
      String label = c.criterion().confirmAtScreening() ? m.get("check.criterion.screening")
          : m.get("check.criterion." + (exclusion && !c.status().isUnknown() ? "exclusion." : "") + c.status().name());
      h.raw("<li><span class=\"tag ").raw(tag).raw("\">").text(label).raw("</span> ")
          .text(m.get(c.criterion().type() == org.eligo.core.rule.CriterionType.INCLUSION ? "check.inclusion"
              : "check.exclusion")).raw(": ").text(org.eligo.core.trial.RegistryText.display(c.criterion().text()));
      if (evidence) evidence(h, c);
      h.raw("</li>");
    }
    h.raw("</ul>");
  }

  /** What the uploaded record said about a criterion, when it said anything. */
  private void evidence(Html h, CriterionResult c) {
    if (c.evidence().isEmpty()) return;
    String said = c.evidence().stream().map(e -> e.date() == null || e.dateInDescription()
        ? e.description() : e.description() + " (" + e.date() + ")").distinct()
        .collect(java.util.stream.Collectors.joining("; "));
    h.raw("<br><span class=\"evidence\">").text(m.get("check.inRecord") + ": " + said).raw("</span>");
  }

  /**
   * The result of an uploaded record across open trials: per trial shown, its verdict, the criteria that decided it
   * with what the record said, the questions the record left open, every criterion, and where to go next. Nothing
   * on it posts the person back into the question-by-question check, which would start again without the record.
   */
  void uploaded(Html h, List<CheckedTrial> ranked, int total, long eligible, long info) {
    long no = total - eligible - info;
    h.raw("<section aria-live=\"polite\" aria-labelledby=\"verdict\"><h2 id=\"verdict\">").text(m.get("check.result"))
        .raw("</h2><p>").text(m.get("check.summary.all", total, eligible, info, no)).raw("</p><ol class=\"cards\">");
    int shown = 0;
    for (CheckedTrial t : ranked) {
      if (shown++ >= SHOWN) break;
      TrialResult r = t.result();
      Verdict v = r.verdict();
      String nctId = t.trial().nctId();
      h.raw("<li class=\"card\"><h3><a href=\"/trials/").text(nctId).raw("\">").text(t.trial().title())
          .raw("</a></h3><p><span class=\"tag ").raw(v == Verdict.ELIGIBLE ? "MET" : v == Verdict.INELIGIBLE ? "NOT_MET"
              : "UNKNOWN").raw("\">").text(m.get("check.verdict." + v.name())).raw("</span></p>");
      if (v == Verdict.INELIGIBLE && !r.reasons().isEmpty()) {
        h.raw("<p><strong>").text(m.get("check.because")).raw(":</strong></p><ul>");
        for (CriterionResult c : r.reasons()) {
          h.raw("<li>").text(org.eligo.core.trial.RegistryText.display(c.criterion().text()));
          if (c.evidence().isEmpty()) {
            h.raw("<br><span class=\"evidence\">").text(RuleDescriber.describe(c.criterion().rule())).raw("</span>");
          }
          evidence(h, c);
          h.raw("</li>");
        }
        h.raw("</ul>");
      }
      if (v == Verdict.NEEDS_INFO && !r.questions().isEmpty()) {
        h.raw("<p><strong>").text(m.get("check.openQuestions")).raw(":</strong></p><ul>");
        r.questions().forEach(q -> h.raw("<li>").text(q).raw("</li>"));
        h.raw("</ul>");
      }
      h.raw("<details><summary>").text(m.get("check.everyCriterion", r.criteria().size()))
          .raw("<span class=\"visually-hidden\">: ").text(t.trial().title()).raw("</span></summary>");
      criteriaList(h, r, true);
      h.raw("</details><p>").text(m.get("check.uploadNext." + v.name())).raw(" <a href=\"/trials/").text(nctId)
          .raw("\">").text(m.get("check.uploadNextLink")).raw("<span class=\"visually-hidden\">: ")
          .text(t.trial().title()).raw("</span></a></p></li>");
    }
    h.raw("</ol></section>");
  }

  /** How many ranked trials a results page shows, each explained. */
  static final int SHOWN = 30;

  void many(Html h, List<CheckedTrial> results, Answers answers) {
    long eligible = results.stream().filter(r -> r.result().verdict() == Verdict.ELIGIBLE).count();
    long info = results.stream().filter(r -> r.result().verdict() == Verdict.NEEDS_INFO).count();
    many(h, results, results.size(), eligible, info, answers);
  }

  /** The first {@link #SHOWN} of {@code ranked}, under a summary of all {@code total} trials. */
  void many(Html h, List<CheckedTrial> ranked, int total, long eligible, long info, Answers answers) {
    long no = total - eligible - info;
    h.raw("<section aria-live=\"polite\" aria-labelledby=\"verdict\"><h2 id=\"verdict\">").text(m.get("check.result"))
        .raw("</h2><p>").text(m.get("check.summary.all", total, eligible, info, no)).raw("</p><ol class=\"cards\">");
    int shown = 0;
    for (CheckedTrial t : ranked) {
      if (shown++ >= SHOWN) break;
      Verdict v = t.result().verdict();
      h.raw("<li class=\"card\"><h3><a href=\"/trials/").text(t.trial().nctId()).raw("\">").text(t.trial().title())
          .raw("</a></h3><p><span class=\"tag ").raw(v == Verdict.ELIGIBLE ? "MET" : v == Verdict.INELIGIBLE ? "NOT_MET"
              : "UNKNOWN").raw("\">").text(m.get("check.verdict." + v.name())).raw("</span></p>");
      if (v == Verdict.INELIGIBLE && !t.result().reasons().isEmpty()) {
        h.raw("<p>").text(m.get("check.because") + ": " + org.eligo.core.trial.RegistryText.display(t.result().reasons().get(0).criterion().text())).raw("</p>");
      }
      h.raw("<form method=\"post\" action=\"/trials/").text(t.trial().nctId()).raw("/check\">");
      hiddenAnswers(h, answers, null);
      h.raw("<button type=\"submit\" class=\"secondary\">").text(m.get("trial.check")).raw("<span class=\"visually-hidden\">: ")
          .text(t.trial().title()).raw("</span></button></form></li>");
    }
    h.raw("</ol></section>");
  }

  private void interestForm(Html h, String nctId, Answers answers) {
    h.raw("<form method=\"post\" action=\"/trials/").text(nctId).raw("/interest\"><p><strong>")
        .text(m.get("check.interestPrompt")).raw("</strong></p>");
    hiddenAnswers(h, answers, null);
    h.raw("<button type=\"submit\">").text(m.get("trial.interest")).raw("</button></form>");
  }

  private void upload(Html h, String action) {
    upload(h, action, false);
  }

  /** The upload form, folded away unless {@code open} (after a file that could not be read: choose another). */
  void upload(Html h, String action, boolean open) {
    h.raw(open ? "<details open><summary>" : "<details><summary>").text(m.get("check.upload")).raw("</summary><p>").text(m.get("check.uploadIntro"))
        .raw("</p><form method=\"post\" action=\"").text(action).raw("\" enctype=\"multipart/form-data\">")
        .raw("<label for=\"bundle\">").text(m.get("check.uploadLabel")).raw("</label>")
        .raw("<input type=\"file\" id=\"bundle\" name=\"bundle\" accept=\".json,application/json,application/fhir+json\" ")
        .raw("required> <button type=\"submit\">").text(m.get("check.uploadButton")).raw("</button></form></details>");
  }

  /** The questions for the study team in a rule, nested ones included. */
  static List<String> asks(org.eligo.core.rule.Rule rule) {
    return switch (rule) {
      case Ask a -> List.of(a.question());
      case org.eligo.core.rule.AllOf a -> a.rules().stream().flatMap(x -> asks(x).stream()).toList();
      case org.eligo.core.rule.AnyOf a -> a.rules().stream().flatMap(x -> asks(x).stream()).toList();
      case org.eligo.core.rule.AtLeast a -> a.rules().stream().flatMap(x -> asks(x).stream()).toList();
      case org.eligo.core.rule.Not n -> asks(n.rule());
      default -> List.of();
    };
  }
}
