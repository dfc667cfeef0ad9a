package org.eligo.server.web;

import java.util.List;
import org.eligo.core.eval.Verdict;
import org.eligo.server.check.CheckedTrial;
import org.eligo.registry.match.MatchReport;
import org.eligo.server.check.Answers;

/**
 * The result of checking an uploaded FHIR record: what could not be used, then the result per trial with what the
 * record said. The record is read for this page only: it is not stored, logged or carried into later requests.
 */
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
    if (report.deceased()) {
      h.raw("<p class=\"notice\" role=\"status\">").text(m.get("check.deceased", report.death().when(),
          report.asOf().toString())).raw("</p>");
      return h.toString();
    }
    CheckView view = new CheckView(m);
    // Only the trials shown are explained; the summary counts every trial from the decisions.
    List<CheckedTrial> shown = report.results().subList(0, Math.min(CheckView.SHOWN, report.results().size()))
        .stream().map(r -> new CheckedTrial(r.trial(), r.result())).toList();
    if (nctId != null && !shown.isEmpty()) view.single(h, shown.get(0), Answers.NONE, true, true);
    else view.uploaded(h, shown, report.results().size(), report.count(Verdict.ELIGIBLE),
        report.count(Verdict.NEEDS_INFO));
    return h.toString();
  }
}
