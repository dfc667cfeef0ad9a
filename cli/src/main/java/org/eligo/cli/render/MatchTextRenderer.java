package org.eligo.cli.render;

import org.eligo.core.trial.RegistryText;

import java.util.Locale;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.Evidence;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.logic.Truth;
import org.eligo.core.match.TrialMatch;
import org.eligo.fhir.FhirDiagnostic;
import org.eligo.registry.match.MatchReport;

/** A match report for the terminal: per trial the verdict, the reasons or open questions, and the evidence. */
public final class MatchTextRenderer {
  private final boolean verbose;
  private final int limit;

  public MatchTextRenderer(boolean verbose, int limit) {
    this.verbose = verbose;
    this.limit = limit;
  }

  public String render(MatchReport report) {
    StringBuilder out = new StringBuilder();
    if (report.deceased()) {
      out.append("Patient ").append(report.patientId()).append(", as of ").append(report.asOf()).append(": ")
          .append(report.deceasedNotice()).append('\n');
      for (FhirDiagnostic d : report.diagnostics()) {
        out.append("  record: ").append(d.severity().name().toLowerCase(Locale.ROOT)).append(" ").append(d.location())
            .append(": ").append(d.message()).append('\n');
      }
      return out.toString();
    }
    out.append("Patient ").append(report.patientId()).append(", as of ").append(report.asOf()).append(": ")
        .append(report.results().size()).append(" trial").append(report.results().size() == 1 ? "" : "s")
        .append(" checked");
    for (org.eligo.core.eval.Verdict v : org.eligo.core.eval.Verdict.values()) {
      out.append(", ").append(report.count(v)).append(' ')
          .append(v.name());
    }
    out.append('\n');
    for (FhirDiagnostic d : report.diagnostics()) {
      out.append("  record: ").append(d.severity().name().toLowerCase(Locale.ROOT)).append(" ").append(d.location())
          .append(": ").append(d.message()).append('\n');
    }
    int shown = 0;
    for (TrialMatch m : report.results()) {
      if (shown++ == limit) {
        out.append("\n... ").append(report.results().size() - limit).append(" more (use --limit to see them)\n");
        break;
      }
      TrialResult r = m.result();
      out.append("\n").append(r.verdict()).append("  ").append(m.trial().nctId()).append("  ")
          .append(m.trial().title()).append(" [").append(m.trial().overallStatus().label()).append("]\n");
      for (CriterionResult c : r.criteria()) {
        boolean show = verbose || c.excludes() || (c.status() == Truth.UNKNOWN && !c.criterion().confirmAtScreening());
        if (!show) continue;
        out.append("  ").append(mark(c)).append(" ").append(c.criterion().type() == org.eligo.core.rule.CriterionType
            .INCLUSION ? "inclusion" : "exclusion").append(": ").append(oneLine(c.criterion().text())).append('\n');
        for (Evidence e : c.evidence()) {
          out.append("      evidence: ").append(e.description()).append(e.date() == null || e.dateInDescription() ? "" : " on " + e.date())
              .append(e.resource().isEmpty() ? "" : " (" + e.resource() + ")").append('\n');
        }
        if (c.status() == Truth.UNKNOWN) {
          // a question may quote the registry sentence: without its markdown escapes ("\<") and on one line
          c.questions().forEach(q -> out.append("      question: ").append(RegistryText.display(q)
              .replaceAll("\\s+", " ").strip()).append('\n'));
        }
      }
      if (!r.toConfirm().isEmpty()) {
        out.append("  to confirm at screening: ").append(RegistryText.display(String.join("; ", r.toConfirm())))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String mark(CriterionResult c) {
    if (c.excludes()) return "✗";
    if (c.status() == Truth.UNKNOWN) return "?";
    return "✓";
  }

  private static String oneLine(String text) {
    String t = RegistryText.display(text).replaceAll("\\s+", " ").strip();
    return t.length() > 160 ? t.substring(0, 159) + "…" : t;
  }
}
