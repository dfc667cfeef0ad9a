package org.eligo.cli.render;

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

  public MatchTextRenderer(boolean verbose) {
    this.verbose = verbose;
  }

  public String render(MatchReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Patient ").append(report.patientId()).append(", as of ").append(report.asOf()).append(": ")
        .append(report.results().size()).append(" trial").append(report.results().size() == 1 ? "" : "s")
        .append(" checked\n");
    for (FhirDiagnostic d : report.diagnostics()) {
      out.append("  record: ").append(d.severity().name().toLowerCase(Locale.ROOT)).append(" ").append(d.location())
          .append(": ").append(d.message()).append('\n');
    }
    for (TrialMatch m : report.results()) {
      TrialResult r = m.result();
      out.append("\n").append(r.verdict()).append("  ").append(m.trial().nctId()).append("  ")
          .append(m.trial().title()).append(" [").append(m.trial().overallStatus().label()).append("]\n");
      for (CriterionResult c : r.criteria()) {
        boolean show = verbose || c.excludes() || (c.status() == Truth.UNKNOWN && !c.criterion().confirmAtScreening());
        if (!show) continue;
        out.append("  ").append(mark(c)).append(" ").append(c.criterion().type() == org.eligo.core.rule.CriterionType
            .INCLUSION ? "inclusion" : "exclusion").append(": ").append(oneLine(c.criterion().text())).append('\n');
        for (Evidence e : c.evidence()) {
          out.append("      evidence: ").append(e.description()).append(e.date() == null ? "" : " on " + e.date())
              .append(e.resource().isEmpty() ? "" : " (" + e.resource() + ")").append('\n');
        }
        if (c.status() == Truth.UNKNOWN) {
          c.questions().forEach(q -> out.append("      question: ").append(q).append('\n'));
        }
      }
      if (!r.toConfirm().isEmpty()) {
        out.append("  to confirm at screening: ").append(String.join("; ", r.toConfirm())).append('\n');
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
