package org.eligo.server.web;

import java.util.List;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.Trial;
import org.eligo.server.check.Answers;

/**
 * The "I'm interested" form for a trial, carrying the eligibility answers the person chooses to share. Forwarding
 * forms to study teams is not built yet: sending says so plainly, keeps nothing, and shows the study's contacts.
 */
final class InterestView {
  private final Messages m;

  InterestView(Messages m) {
    this.m = m;
  }

  String form(Trial t, Answers answers, boolean invalid) {
    Html h = new Html();
    h.el("h1", m.get("interest.title", t.title()));
    h.el("p", m.get("interest.intro"));
    if (invalid) h.raw("<p class=\"error\" role=\"alert\">").text(m.get("interest.required")).raw("</p>");
    h.raw("<form method=\"post\" action=\"/trials/").text(t.nctId()).raw("/interest\">")
        .raw("<input type=\"hidden\" name=\"send\" value=\"1\">");
    CheckView.hiddenAnswers(h, answers, null);
    h.raw("<label for=\"name\">").text(m.get("interest.name")).raw("</label><input type=\"text\" id=\"name\" ")
        .raw("name=\"name\" autocomplete=\"name\" required size=\"30\">")
        .raw("<label for=\"contact\">").text(m.get("interest.contact")).raw("</label><input type=\"text\" id=\"contact\" ")
        .raw("name=\"contact\" autocomplete=\"email\" required size=\"30\">")
        .raw("<label for=\"message\">").text(m.get("interest.message")).raw("</label><textarea id=\"message\" ")
        .raw("name=\"message\" rows=\"4\" cols=\"40\"></textarea>");
    if (answers.isEmpty()) {
      h.el("p", m.get("interest.noAnswers"));
    } else {
      h.raw("<h2>").text(m.get("interest.sharedAnswers")).raw("</h2><ul>");
      answers.values().forEach((k, v) -> {
        if (!k.startsWith("unit.") && !k.startsWith("uln.")) h.raw("<li><code>").text(k).raw("</code>: ").text(v)
            .raw("</li>");
      });
      h.raw("</ul><p class=\"choices\"><label for=\"share\"><input type=\"checkbox\" id=\"share\" name=\"share\" ")
          .raw("value=\"yes\">").text(m.get("interest.share")).raw("</label></p>");
    }
    h.raw("<p class=\"choices\"><label for=\"consent\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" ")
        .raw("value=\"yes\" required>").text(m.get("interest.consent")).raw("</label></p>")
        .raw("<p><button type=\"submit\">").text(m.get("interest.submit")).raw("</button></p></form>");
    return h.toString();
  }

  String notSent(Trial t) {
    Html h = new Html();
    h.el("h1", m.get("interest.notSent.title"));
    h.raw("<div class=\"notice warn\" role=\"status\"><p>");
    List<ContactsLocations.Contact> contacts = t.contactsLocations() == null ? List.of()
        : t.contactsLocations().centralContacts();
    h.text(m.get("interest.notSent.body")).raw("</p><p>")
        .text(contacts.isEmpty() ? m.get("interest.notSent.noContact") : m.get("interest.notSent.contacts")).raw("</p>");
    if (!contacts.isEmpty()) {
      h.raw("<ul>");
      for (ContactsLocations.Contact c : contacts) {
        h.raw("<li>").text(c.name() == null ? "" : c.name());
        if (c.phone() != null) h.raw(" – ").text(c.phone());
        if (c.email() != null) h.raw(" – <a href=\"mailto:").text(c.email()).raw("\">").text(c.email()).raw("</a>");
        h.raw("</li>");
      }
      h.raw("</ul>");
    }
    h.raw("<p><a href=\"https://clinicaltrials.gov/study/").text(t.nctId()).raw("\">").text(m.get("trial.registryLink"))
        .raw("</a></p></div><p><a href=\"/trials/").text(t.nctId()).raw("\">").text(m.get("interest.back"))
        .raw("</a></p>");
    return h.toString();
  }
}
