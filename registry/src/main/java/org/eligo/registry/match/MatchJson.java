package org.eligo.registry.match;

import org.eligo.core.trial.RegistryText;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.Evidence;
import org.eligo.core.match.TrialMatch;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.fhir.FhirDiagnostic;

/**
 * The JSON form of a match, the same from {@code eligo match --json} and {@code POST /api/v1/match}:
 * <pre>{"asOf", "patient", "deceased": {"date", "notice"} (only when the record says the patient had died), "total", "verdicts": {"ELIGIBLE": n, ...}, "results": [{"trialId", "title", "overallStatus", "verdict", "questions",
 *   "criteria": [{"id", "type", "text", "rule", "origin", "status", "confirmAtScreening",
 *     "evidence": [{"resource", "description", "value", "unit", "date", "comparator"}], "question"}]}], "diagnostics"}</pre>
 * An evidence's {@code comparator} ({@code <}, {@code <=}, {@code >=}, {@code >}) is there only for a result the record
 * gives as a bound ("&lt;5 mg/L"): its {@code value} is then the bound, not the result.
 */
public final class MatchJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How many ranked trials an answer explains when the caller does not say (API {@code limit}, FHIR {@code _count},
   * CLI {@code --limit}): ten, ClinicalTrials.gov's default page size. Every trial is still matched and counted.
   */
  public static final int DEFAULT_LIMIT = 10;

  private MatchJson() {}

  /** Every ranked trial, each explained. */
  public static ObjectNode write(MatchReport report) {
    return write(report, Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} ranked trials, each explained; {@code total} and {@code verdicts} count all of them.
   * Only the trials written are explained, so a large registry costs what is shown.
   */
  public static ObjectNode write(MatchReport report, int limit) {
    ObjectNode root = JSON.createObjectNode();
    root.put("asOf", report.asOf().toString());
    root.put("patient", report.patientId());
    if (report.deceased()) {
      ObjectNode deceased = root.putObject("deceased");
      if (report.death().date() == null) deceased.putNull("date");
      else deceased.put("date", report.death().written());
      deceased.put("notice", report.deceasedNotice());
    }
    root.put("total", report.results().size());
    ObjectNode verdicts = root.putObject("verdicts");
    for (org.eligo.core.eval.Verdict v : org.eligo.core.eval.Verdict.values()) {
      verdicts.put(v.name(), report.count(v));
    }
    ArrayNode results = root.putArray("results");
    for (TrialMatch m : report.results().subList(0, Math.min(limit, report.results().size()))) results.add(trial(m));
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (FhirDiagnostic d : report.diagnostics()) {
      diagnostics.addObject().put("severity", d.severity().name()).put("resource", d.resource())
          .put("location", d.location()).put("message", d.message());
    }
    return root;
  }

  static ObjectNode trial(TrialMatch m) {
    ObjectNode t = JSON.createObjectNode();
    t.put("trialId", m.trial().nctId());
    t.put("title", m.trial().title());
    t.put("overallStatus", m.trial().overallStatus().name());
    t.put("verdict", m.result().verdict().name());
    ArrayNode questions = t.putArray("questions");
    m.result().questions().forEach(q -> questions.add(RegistryText.display(q)));
    ArrayNode confirm = t.putArray("toConfirmAtScreening");
    m.result().toConfirm().forEach(x -> confirm.add(RegistryText.display(x)));
    ArrayNode criteria = t.putArray("criteria");
    for (CriterionResult c : m.result().criteria()) criteria.add(criterion(c));
    return t;
  }

  static ObjectNode criterion(CriterionResult c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", c.criterion().id());
    o.put("type", c.criterion().type().name());
    o.put("text", RegistryText.display(c.criterion().text())); // without the registry's markdown escapes
    o.put("rule", RegistryText.display(RuleDescriber.describe(c.criterion().rule())));
    o.put("origin", c.criterion().origin().name());
    o.put("status", c.status().name());
    o.put("confirmAtScreening", c.criterion().confirmAtScreening());
    ArrayNode evidence = o.putArray("evidence");
    for (Evidence e : c.evidence()) {
      ObjectNode ev = evidence.addObject();
      ev.put("resource", e.resource());
      ev.put("description", e.description());
      if (e.value() != null) ev.put("value", e.value());
      else ev.putNull("value");
      // a result the record gives only as a bound ("<5"): the value is the bound, not the result
      if (e.comparator() != null) ev.put("comparator", e.comparator());
      if (e.unit() != null) ev.put("unit", e.unit());
      if (e.date() != null) ev.put("date", e.date().toString());
    }
    if (c.questions().isEmpty() || c.criterion().confirmAtScreening()) o.putNull("question");
    else o.put("question", RegistryText.display(String.join(" ", c.questions())));
    return o;
  }
}
