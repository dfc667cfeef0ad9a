package org.eligo.server.web;

import java.util.List;
import org.eligo.server.check.CheckedTrial;
import org.eligo.registry.match.MatchReport;
import org.eligo.server.check.Answers;

/** The result of checking an uploaded FHIR record: what could not be used, then the result per trial. */
final class UploadView {
  private final Messages m;

  UploadView(Messages m) {
    this.m = m;
  }

  String render(String title, MatchReport report, String nctId) {
    Html h = new Html();
    h.el("h1", title);
    if (!report.diagnostics().isEmpty()) {
      h.raw("<details><summary>").text(m.get("check.uploadProblems") + " (" + report.diagnostics().size() + ")")
          .raw("</summary><ul>");
      report.diagnostics().forEach(d -> h.raw("<li>").text(d.location() + ": " + d.message()).raw("</li>"));
      h.raw("</ul></details>");
    }
    CheckView view = new CheckView(m);
    List<CheckedTrial> results = report.results().stream()
        .map(r -> new CheckedTrial(r.trial(), r.result())).toList();
    if (nctId != null && !results.isEmpty()) view.single(h, results.get(0), Answers.NONE);
    else view.many(h, results, Answers.NONE);
    return h.toString();
  }
}
