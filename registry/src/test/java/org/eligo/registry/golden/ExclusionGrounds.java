package org.eligo.registry.golden;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.terminology.Terminology;

/**
 * Whether an INELIGIBLE verdict rests on the record. A criterion that rules the patient out must show a record
 * fact as evidence, or be about coded history (conditions, medications, procedures, allergies, vaccines), which is
 * read closed-world on purpose: no record of PRCA means no PRCA. Two things are false exclusions:
 *
 * <ul>
 *   <li>an open-world fact (a lab, age, sex, pregnancy) deciding against the patient with nothing to show;</li>
 *   <li>an inclusion that requires a more specific diagnosis than the record can hold (severe aplastic anemia,
 *       primary ITP) failing for a patient whose record has the broader one (aplastic anemia, ITP): the record does
 *       not say the disease is not severe or not primary, so the criterion is open, not failed.</li>
 * </ul>
 */
final class ExclusionGrounds {
  private ExclusionGrounds() {}

  /** The patient's facts as the matcher sees them (the same reader and terminology). */
  static PatientFacts facts(String bundleJson) {
    return new HapiPatientReader(TerminologyAdapter.bundled()).read(bundleJson, GoldenRegistry.AS_OF).facts();
  }

  /**
   * The excluding criteria of an INELIGIBLE result that do not rest on the record, each as
   * {@code "NCT... criterion-id: reason"}; empty when all is well.
   */
  static List<String> ungrounded(TrialResult result, PatientFacts facts) {
    List<String> out = new ArrayList<>();
    if (result.verdict() != Verdict.INELIGIBLE) return out;
    List<CriterionResult> reasons = result.reasons();
    if (reasons.isEmpty()) out.add(result.trialId() + " -: INELIGIBLE with no excluding criterion");
    for (CriterionResult r : reasons) {
      String where = result.trialId() + " " + r.criterion().id() + ": ";
      Rule rule = r.criterion().rule();
      if (r.evidence().isEmpty() && !closedWorld(rule)) {
        out.add(where + r.criterion().type() + " " + r.status() + " rests on no record fact: "
            + r.criterion().text());
      }
      if (r.criterion().type() == CriterionType.INCLUSION) {
        for (String[] pair : narrowerThanRecord(rule, facts)) {
          out.add(where + "requires " + pair[0] + " but the record's " + pair[1]
              + " may be that (the record cannot say it is not): " + r.criterion().text());
        }
      }
    }
    return out;
  }

  /** True when the rule has a coded-history part, which may decide on the absence of a record. */
  static boolean closedWorld(Rule rule) {
    return switch (rule) {
      case ConditionRule r -> true;
      case MedicationRule r -> true;
      case ProcedureRule r -> true;
      case AllergyRule r -> true;
      case ImmunizationRule r -> true;
      case AllOf r -> r.rules().stream().anyMatch(ExclusionGrounds::closedWorld);
      case AnyOf r -> r.rules().stream().anyMatch(ExclusionGrounds::closedWorld);
      case AtLeast r -> r.rules().stream().anyMatch(ExclusionGrounds::closedWorld);
      case Not r -> closedWorld(r.rule());
      default -> false;
    };
  }

  /**
   * Required diagnoses (outside any {@code not}) that the record lacks while it holds, as a condition's most specific
   * concept, a broader diagnosis that includes them: pairs {required concept, record's broader concept}.
   */
  static List<String[]> narrowerThanRecord(Rule rule, PatientFacts facts) {
    Terminology terminology = Terminology.load();
    Set<String> held = new HashSet<>();
    Set<String> recorded = new HashSet<>();
    for (ConditionFact c : facts.conditions()) {
      held.addAll(c.concepts());
      for (String concept : c.concepts()) {
        boolean mostSpecific = c.concepts().stream().noneMatch(o -> !o.equals(concept) && terminology.isA(o, concept));
        if (mostSpecific) recorded.add(concept);
      }
    }
    List<String[]> out = new ArrayList<>();
    for (ConditionRule required : positiveConditions(rule, new ArrayList<>())) {
      if (required.concepts().stream().anyMatch(held::contains)) continue;
      for (String concept : required.concepts()) {
        for (String broader : terminology.closure(concept)) {
          if (!broader.equals(concept) && recorded.contains(broader)) out.add(new String[] {concept, broader});
        }
      }
    }
    return out;
  }

  private static List<ConditionRule> positiveConditions(Rule rule, List<ConditionRule> out) {
    switch (rule) {
      case ConditionRule r -> out.add(r);
      case AllOf r -> r.rules().forEach(x -> positiveConditions(x, out));
      case AnyOf r -> r.rules().forEach(x -> positiveConditions(x, out));
      case AtLeast r -> r.rules().forEach(x -> positiveConditions(x, out));
      default -> { }
    }
    return out;
  }
}
