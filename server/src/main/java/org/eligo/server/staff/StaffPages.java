package org.eligo.server.staff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eligo.core.eval.CriterionResult;
import org.eligo.criteria.json.RuleFileProblem;
import org.eligo.referral.ReferralDetails;
import org.eligo.referral.audit.AuditEntry;
import org.eligo.referral.outbox.OutboxEntry;
import org.eligo.referral.record.Note;
import org.eligo.referral.record.Referral;
import org.eligo.referral.record.ReferralStatus;
import org.eligo.referral.record.ReferralSummary;
import org.eligo.referral.record.ScreeningLog;
import org.eligo.referral.record.StatusChange;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffUser;
import org.eligo.server.referral.Csrf;
import org.eligo.server.referral.Texts;
import org.eligo.server.web.Html;

/** The HTML of the staff pages. Every value from a form, the registry or the database is escaped. */
final class StaffPages {

  private final Texts t = Texts.english();

  /** A status as a coordinator reads it ("Not eligible"); forms still send its name. */
  private String label(ReferralStatus status) {
    return t.get("staff.status." + status.name());
  }

  String login(String csrf, String error) {
    return login(csrf, error, null);
  }

  /** The sign-in form; after a refusal it keeps the e-mail address typed (never the password) and asks for that. */
  String login(String csrf, String error, String email) {
    boolean typed = email != null && !email.isBlank();
    Html h = new Html();
    h.el("h1", t.get("staff.login.title"));
    if (error != null) h.el("p", "class=\"error\" role=\"alert\"", error);
    h.raw("<form method=\"post\" action=\"/staff/login\">");
    hidden(h, Csrf.FIELD, csrf);
    h.raw("<label for=\"email\">").text(t.get("staff.login.email"))
        .raw("</label><input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required");
    if (typed) h.raw(" value=\"").text(email).raw("\"");
    h.raw("><label for=\"password\">").text(t.get("staff.login.password"))
        .raw("</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\"")
        .raw(typed ? " required autofocus>" : " required>").raw("<p><button type=\"submit\">")
        .text(t.get("staff.login.submit")).raw("</button></p></form>");
    return h.toString();
  }

  String list(StaffAuth.Caller caller, List<ReferralSummary> rows, Optional<String> trial,
      Optional<ReferralStatus> status, Optional<String> text) {
    Html h = new Html();
    header(h, caller);
    h.el("h1", t.get("staff.home.title"));
    h.raw("<form method=\"get\" action=\"/staff\" class=\"searchbar\"><label for=\"trial\">")
        .text(t.get("staff.filter.trial")).raw("</label><input type=\"text\" id=\"trial\" name=\"trial\" value=\"")
        .text(trial.orElse("")).raw("\"><label for=\"status\">").text(t.get("staff.filter.status"))
        .raw("</label><select id=\"status\" name=\"status\"><option value=\"\">").text(t.get("staff.filter.any"))
        .raw("</option>");
    for (ReferralStatus s : ReferralStatus.values()) {
      h.raw("<option value=\"").raw(s.name()).raw("\"").raw(status.equals(Optional.of(s)) ? " selected" : "").raw(">")
          .text(label(s)).raw("</option>");
    }
    h.raw("</select><label for=\"q\">").text(t.get("staff.filter.text"))
        .raw("</label><input type=\"search\" id=\"q\" name=\"q\" value=\"").text(text.orElse(""))
        .raw("\"><button type=\"submit\">").text(t.get("staff.filter.submit")).raw("</button></form>");
    if (caller.user().role() != Role.ADMIN) {
      h.raw("<ul class=\"trials\">");
      for (String nct : caller.user().trials().stream().sorted().toList()) {
        h.raw("<li>").text(nct).raw(" · <a href=\"/staff/trials/").text(nct).raw("/screening\">")
            .text(t.get("staff.screening.title", nct)).raw("</a>");
        if (caller.user().role() == Role.COORDINATOR) {
          h.raw(" · <a href=\"/staff/trials/").text(nct).raw("/export.csv\">").text(t.get("staff.export"))
              .raw("</a> · <a href=\"/staff/trials/").text(nct).raw("/rules\">").text(t.get("staff.rules.title", nct))
              .raw("</a>");
        }
        h.raw("</li>");
      }
      h.raw("</ul>");
    }
    if (rows.isEmpty()) {
      h.el("p", t.get("staff.none"));
      return h.toString();
    }
    h.raw("<table><thead><tr><th>").text(t.get("staff.column.reference")).raw("</th><th>")
        .text(t.get("staff.column.trial")).raw("</th><th>").text(t.get("staff.column.name")).raw("</th><th>")
        .text(t.get("staff.column.status")).raw("</th><th>").text(t.get("staff.column.submitted"))
        .raw("</th></tr></thead><tbody>");
    for (ReferralSummary r : rows) {
      h.raw("<tr><td><a href=\"/staff/referrals/").raw(Long.toString(r.id())).raw("\">").text(r.reference())
          .raw("</a></td><td>").text(r.nctId()).raw("</td><td>")
          .text(r.erased() ? t.get("staff.erased") : r.name().orElse("")).raw("</td><td>").text(label(r.status()))
          .raw("</td><td>").text(r.submittedAt().toString()).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    return h.toString();
  }

  String referral(StaffAuth.Caller caller, ReferralDetails details, boolean mayWrite) {
    Referral r = details.referral();
    Html h = new Html();
    header(h, caller);
    h.el("h1", t.get("staff.referral.title", r.reference()));
    h.raw("<dl class=\"facts\"><dt>").text(t.get("staff.column.trial")).raw("</dt><dd>").text(r.nctId())
        .raw("</dd><dt>").text(t.get("staff.column.status")).raw("</dt><dd>").text(label(r.status())).raw("</dd><dt>")
        .text(t.get("staff.column.submitted")).raw("</dt><dd>").text(r.submittedAt().toString()).raw("</dd>");
    if (r.erased()) {
      h.raw("</dl>").el("p", t.get("staff.erased"));
    } else {
      h.raw("<dt>").text(t.get("staff.column.name")).raw("</dt><dd>").text(r.name().orElse("")).raw("</dd><dt>")
          .text(t.get("staff.referral.contact")).raw("</dt><dd>").text(r.email().orElse("")).raw(" ")
          .text(r.phone().orElse("")).raw("</dd>");
      r.siteKey().ifPresent(s -> h.raw("<dt>").text(t.get("staff.referral.site")).raw("</dt><dd>").text(s)
          .raw("</dd>"));
      h.raw("</dl>");
      if (!r.answers().isEmpty()) {
        h.el("h2", t.get("staff.referral.answers")).raw("<ul>");
        r.answers().forEach(a -> h.raw("<li>").text(a.question()).raw(": ").text(a.answer()).raw("</li>"));
        h.raw("</ul>");
      }
      r.message().ifPresent(m -> h.el("h2", t.get("staff.referral.message")).paragraphs(m));
    }
    if (mayWrite && !r.erased() && !r.status().next().isEmpty()) {
      h.raw("<form method=\"post\" action=\"/staff/referrals/").raw(Long.toString(r.id())).raw("/status\">");
      hidden(h, Csrf.FIELD, caller.csrf());
      h.raw("<label for=\"to\">").text(t.get("staff.referral.changeStatus")).raw("</label><select id=\"to\" name=\"to\">");
      r.status().next().forEach(s -> h.raw("<option value=\"").raw(s.name()).raw("\">").text(label(s)).raw("</option>"));
      h.raw("</select><button type=\"submit\">").text(t.get("staff.referral.changeStatus")).raw("</button></form>");
    }
    h.el("h2", t.get("staff.referral.history")).raw("<ul>");
    for (StatusChange c : details.history()) {
      h.raw("<li>").text(c.changedAt().toString()).raw(" ").text(label(c.from())).raw(" → ").text(label(c.to()))
          .raw(" (").text(c.changedBy()).raw(")</li>");
    }
    h.raw("</ul>").el("h2", t.get("staff.referral.notes")).raw("<ul>");
    for (Note n : details.notes()) {
      h.raw("<li><p>").text(n.createdAt().toString()).raw(" – ").text(n.author()).raw("</p>").paragraphs(n.body())
          .raw("</li>");
    }
    h.raw("</ul>");
    if (mayWrite && !r.erased()) {
      h.raw("<form method=\"post\" action=\"/staff/referrals/").raw(Long.toString(r.id())).raw("/notes\">");
      hidden(h, Csrf.FIELD, caller.csrf());
      h.raw("<label for=\"body\">").text(t.get("staff.referral.addNote"))
          .raw("</label><textarea id=\"body\" name=\"body\" rows=\"3\" cols=\"40\" maxlength=\"4000\" required></textarea>")
          .raw("<button type=\"submit\">").text(t.get("staff.referral.addNote")).raw("</button></form>");
      h.raw("<form method=\"post\" action=\"/staff/referrals/").raw(Long.toString(r.id())).raw("/erase\">");
      hidden(h, Csrf.FIELD, caller.csrf());
      h.raw("<button type=\"submit\" class=\"secondary\">").text(t.get("staff.referral.erase"))
          .raw("</button></form>");
    }
    h.el("h2", t.get("staff.referral.deliveries")).raw("<table><tbody>");
    for (OutboxEntry d : details.deliveries()) {
      h.raw("<tr><td>").text(d.kind().name()).raw("</td><td>").text(d.destination().orElse("–")).raw("</td><td>")
          .text(d.state().name()).raw("</td><td>").text(Integer.toString(d.attempts())).raw("</td><td>")
          .text(d.lastError().orElse("")).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    return h.toString();
  }

  String screening(StaffAuth.Caller caller, ScreeningLog log) {
    Html h = new Html();
    header(h, caller);
    h.el("h1", t.get("staff.screening.title", log.nctId()));
    h.raw("<table><tbody>");
    for (ReferralStatus s : ReferralStatus.values()) {
      h.raw("<tr><th>").text(label(s)).raw("</th><td>").text(Long.toString(log.count(s))).raw("</td></tr>");
    }
    h.raw("<tr><th>").text(t.get("staff.screening.total")).raw("</th><td>").text(Long.toString(log.total()))
        .raw("</td></tr></tbody></table>");
    h.el("h2", t.get("staff.referral.deliveries")).raw("<ul>");
    for (Map.Entry<String, Long> e : log.deliveries().entrySet()) {
      h.raw("<li>").text(e.getKey()).raw(": ").text(Long.toString(e.getValue())).raw("</li>");
    }
    h.raw("</ul>");
    return h.toString();
  }

  String rules(StaffAuth.Caller caller, String nct, String json, List<RuleFileProblem> problems,
      List<RulePreview.Sample> preview, String notice) {
    Html h = new Html();
    header(h, caller);
    h.el("h1", t.get("staff.rules.title", nct));
    if (notice != null) h.el("p", "class=\"notice\" role=\"status\"", notice);
    if (!problems.isEmpty()) {
      h.raw("<div class=\"error\" role=\"alert\"><p>").text(t.get("staff.rules.problems")).raw("</p><ul>");
      problems.forEach(p -> h.raw("<li><code>").text(p.path()).raw("</code>: ").text(p.message()).raw("</li>"));
      h.raw("</ul></div>");
    }
    if (!preview.isEmpty()) {
      h.el("h2", t.get("staff.rules.previewTitle")).raw("<table><tbody>");
      for (RulePreview.Sample s : preview) {
        h.raw("<tr><th>").text(s.label()).raw("</th><td>").text(s.result().verdict().name()).raw("</td><td><ul>");
        for (CriterionResult c : s.result().reasons()) h.raw("<li>").text(c.criterion().text()).raw("</li>");
        h.raw("</ul></td></tr>");
      }
      h.raw("</tbody></table>");
    }
    h.raw("<form method=\"post\" action=\"/staff/trials/").text(nct).raw("/rules\">");
    hidden(h, Csrf.FIELD, caller.csrf());
    h.raw("<label for=\"json\">").text(t.get("staff.rules.json"))
        .raw("</label><textarea id=\"json\" name=\"json\" rows=\"24\" cols=\"100\" spellcheck=\"false\">")
        .text(json).raw("</textarea><p><button type=\"submit\" name=\"action\" value=\"preview\" class=\"secondary\">")
        .text(t.get("staff.rules.preview")).raw("</button> <button type=\"submit\" name=\"action\" value=\"save\">")
        .text(t.get("staff.rules.save")).raw("</button></p></form>");
    return h.toString();
  }

  String audit(StaffAuth.Caller caller, List<AuditEntry> entries) {
    Html h = new Html();
    header(h, caller);
    h.el("h1", t.get("staff.audit.title")).raw("<table><tbody>");
    for (AuditEntry e : entries) {
      h.raw("<tr><td>").text(e.at().toString()).raw("</td><td>").text(e.actor()).raw("</td><td>")
          .text(e.action().name()).raw("</td><td>").text(e.target().orElse("")).raw("</td><td>")
          .text(e.nctId().orElse("")).raw("</td><td>").text(e.detail().orElse("")).raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    return h.toString();
  }

  private void header(Html h, StaffAuth.Caller caller) {
    StaffUser user = caller.user();
    h.raw("<nav class=\"staff\"><a href=\"/staff\">").text(t.get("staff.home.title")).raw("</a>");
    if (user.role() == Role.ADMIN) h.raw(" · <a href=\"/staff/audit\">").text(t.get("staff.audit.title")).raw("</a>");
    h.raw(" · ").text(user.email()).raw(" (").text(user.role().name()).raw(")");
    if (caller.session().isPresent()) {
      h.raw("<form method=\"post\" action=\"/staff/logout\" class=\"inline\">");
      hidden(h, Csrf.FIELD, caller.csrf());
      h.raw("<button type=\"submit\" class=\"secondary\">").text(t.get("staff.logout")).raw("</button></form>");
    }
    h.raw("</nav>");
  }

  private static void hidden(Html h, String name, String value) {
    h.raw("<input type=\"hidden\" name=\"").text(name).raw("\" value=\"").text(value).raw("\">");
  }
}
