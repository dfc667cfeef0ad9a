package org.eligo.criteria.curated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.testkit.Facts;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;

/** The curated rule sets applied to patients: what a reader of the registry text would decide, criterion by criterion. */
class CuratedVerdictsTest {
  static final Terminology TERMS = TerminologyLexicon.bundled().terminology();
  static final CuratedRuleSets CURATED = CuratedRuleSets.bundled(TerminologyLexicon.bundled());
  static final LocalDate AS_OF = LocalDate.parse("2026-06-01");

  /** A concept with every class that includes it, as the FHIR reader records it. */
  static String[] coded(String id) {
    return TERMS.closure(id).toArray(String[]::new);
  }

  static TrialResult evaluate(String nctId, Facts facts) {
    CriteriaSet set = CURATED.find(nctId).orElseThrow().criteria();
    return TrialEvaluator.evaluate(set, PatientIndex.of(facts.build()), new EvaluationContext(AS_OF));
  }

  static Map<String, Truth> byId(TrialResult r) {
    return r.criteria().stream().collect(Collectors.toMap(c -> c.criterion().id(), CriterionResult::status));
  }

  /** An adult woman with unspecified aplastic anemia (D61.9) on cyclosporine, recent labs, not pregnant or nursing. */
  static Facts aplasticAnemiaAdult() {
    return Facts.patient("p1").born("1980-03-02").sex(Sex.FEMALE)
        .condition("Aplastic anemia, unspecified", ClinicalStatus.ACTIVE, "2024-01-10", null, coded("aplastic-anemia"))
        .medication("Cyclosporine 100 mg", "2024-02-01", null, ExposureStatus.ACTIVE, coded("cyclosporine"))
        .lab("hemoglobin", 85, "g/L", "2026-05-20")
        .lab("platelets", 40, "10*9/L", "2026-05-20")
        .lab("anc", 0.9, "10*9/L", "2026-05-20")
        .lab("ecog", 1, "{score}", "2026-05-20")
        .coded("pregnancy-status", "not-pregnant", "2026-05-25")
        .coded("lactation-status", "not-lactating", "2026-05-25");
  }

  @Test
  void nct06802055UnspecifiedAplasticAnemiaIsNotExcludedAndWaitsOnTheCyclosporineQuestion() {
    TrialResult r = evaluate("NCT06802055", aplasticAnemiaAdult());
    Map<String, Truth> s = byId(r);
    assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    assertThat(s).containsEntry("inc-1", Truth.MET).containsEntry("inc-2", Truth.MET).containsEntry("inc-3", Truth.MET)
        .containsEntry("inc-4", Truth.UNKNOWN).containsEntry("inc-5", Truth.MET).containsEntry("inc-6", Truth.MET)
        .containsEntry("inc-8", Truth.MET).containsEntry("exc-2", Truth.NOT_MET).containsEntry("exc-9", Truth.NOT_MET)
        .containsEntry("exc-10", Truth.NOT_MET).containsEntry("exc-11", Truth.NOT_MET);
    assertThat(r.questions()).anyMatch(q -> q.contains("cyclosporine"));
  }

  @Test
  void nct06802055CongenitalAplasticAnemiaExcludesEvenWithAnUnspecifiedCodeBesideIt() {
    TrialResult r = evaluate("NCT06802055", aplasticAnemiaAdult()
        .condition("Fanconi anemia", ClinicalStatus.ACTIVE, "1990-01-01", null, coded("fanconi-anemia")));
    assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(byId(r)).containsEntry("inc-2", Truth.NOT_MET);
  }

  @Test
  void nct06802055MdsExcludesButBasalCellCarcinomaAndCuredHepatitisCDoNot() {
    assertThat(evaluate("NCT06802055", aplasticAnemiaAdult()
        .condition("MDS", ClinicalStatus.ACTIVE, "2026-01-01", null, coded("myelodysplastic-syndrome"))).verdict())
        .isEqualTo(Verdict.INELIGIBLE);
    TrialResult r = evaluate("NCT06802055", aplasticAnemiaAdult()
        .condition("Basal cell carcinoma of skin", ClinicalStatus.RESOLVED, "2024-05-01", "2024-07-01",
            coded("basal-cell-carcinoma-of-skin"))
        .condition("Hepatitis C, cured", ClinicalStatus.RESOLVED, "2010-01-01", "2012-01-01", coded("hepatitis-c")));
    assertThat(byId(r)).containsEntry("exc-9", Truth.NOT_MET).containsEntry("exc-8", Truth.NOT_MET);
    assertThat(r.verdict()).isNotEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void nct06802055AnticoagulantsExcludeOnlyWhenTakenNow() {
    Facts stopped = aplasticAnemiaAdult()
        .medication("Warfarin", "2019-01-01", "2019-06-01", ExposureStatus.COMPLETED, coded("warfarin"));
    assertThat(byId(evaluate("NCT06802055", stopped))).containsEntry("exc-10", Truth.NOT_MET);
    Facts current = aplasticAnemiaAdult()
        .medication("Apixaban", "2026-01-01", null, ExposureStatus.ACTIVE, coded("apixaban"));
    assertThat(evaluate("NCT06802055", current).verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  /** A 10-year-old after ATG and continuous cyclosporine, with a partial hematologic response. */
  static Facts respondingChild() {
    return Facts.patient("c1").born("2016-01-15").sex(Sex.MALE)
        .condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2023-01-01", null, coded("severe-aplastic-anemia"))
        .medication("Horse ATG", "2023-01-20", "2023-01-24", ExposureStatus.COMPLETED, coded("horse-atg"))
        .medication("Cyclosporine", "2023-01-20", null, ExposureStatus.ACTIVE, coded("cyclosporine"))
        .lab("body-weight", 30, "kg", "2026-05-20")
        .lab("anc", 0.8, "10*9/L", "2026-05-20")
        .lab("platelets", 45, "10*9/L", "2026-05-20")
        .lab("arc", 30, "10*9/L", "2026-05-20")
        .lab("hemoglobin", 95, "g/L", "2026-05-20");
  }

  @Test
  void nct02979873HematologicResponseNeedsTwoOfThreeCounts() {
    Map<String, Truth> s = byId(evaluate("NCT02979873", respondingChild()));
    assertThat(s).containsEntry("inc-1", Truth.MET).containsEntry("inc-2", Truth.MET).containsEntry("inc-4", Truth.MET)
        .containsEntry("inc-5", Truth.MET).containsEntry("inc-3", Truth.UNKNOWN).containsEntry("exc-7", Truth.NOT_MET);
  }

  @Test
  void nct02979873RecentPlateletTransfusionLeavesTheResponseOpen() {
    Facts transfused = respondingChild().procedure("Platelet transfusion", "2026-05-18", coded("platelet-transfusion"));
    Map<String, Truth> s = byId(evaluate("NCT02979873", transfused));
    assertThat(s).containsEntry("inc-5", Truth.UNKNOWN);
  }

  @Test
  void nct02979873EltrombopagWithoutCancerIsAskedNotExcluded() {
    Facts onTpoRa = respondingChild()
        .medication("Eltrombopag", "2026-03-01", null, ExposureStatus.ACTIVE, coded("eltrombopag"));
    TrialResult r = evaluate("NCT02979873", onTpoRa);
    assertThat(byId(r)).containsEntry("exc-10", Truth.UNKNOWN);
    assertThat(r.verdict()).isNotEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void nct03364764AgeLimitsAreInclusiveOfEighty() {
    Facts eighty = Facts.patient("o1").born("1946-01-01").sex(Sex.MALE)
        .condition("PRCA", ClinicalStatus.ACTIVE, "2020-01-01", null, coded("pure-red-cell-aplasia"));
    assertThat(byId(evaluate("NCT03364764", eighty))).containsEntry("inc-4", Truth.MET)
        .containsEntry("exc-3", Truth.NOT_MET).containsEntry("exc-1", Truth.UNKNOWN);
    Facts eightyOne = Facts.patient("o2").born("1945-01-01").sex(Sex.MALE)
        .condition("PRCA", ClinicalStatus.ACTIVE, "2020-01-01", null, coded("pure-red-cell-aplasia"));
    assertThat(evaluate("NCT03364764", eightyOne).verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void nct03364764WithoutPrcaTheNegatedExclusionExcludes() {
    Facts noPrca = Facts.patient("o3").born("1980-01-01").sex(Sex.FEMALE)
        .condition("Warm AIHA", ClinicalStatus.ACTIVE, "2022-01-01", null, coded("warm-autoimmune-hemolytic-anemia"));
    assertThat(byId(evaluate("NCT03364764", noPrca))).containsEntry("exc-1", Truth.MET);
    // a record listing no diagnosis at all cannot rule PRCA out: the exclusion stays open
    Facts nothingListed = Facts.patient("o4").born("1980-01-01").sex(Sex.FEMALE);
    assertThat(byId(evaluate("NCT03364764", nothingListed))).containsEntry("exc-1", Truth.UNKNOWN);
  }

  @Test
  void nct04324411LiverLimitsAreMultiplesOfEachResultsUpperLimit() {
    Facts p = Facts.patient("a1").born("1970-01-01").sex(Sex.FEMALE)
        .condition("Warm AIHA", ClinicalStatus.ACTIVE, "2022-01-01", null, coded("warm-autoimmune-hemolytic-anemia"))
        .lab("bilirubin-total", 2.0, "mg/dL", "2026-05-20", 1.2)
        .lab("alt", 30, "U/L", "2026-05-20", 40.0)
        .lab("ast", 30, "U/L", "2026-05-20", 40.0)
        .lab("creatinine", 0.8, "mg/dL", "2026-05-20", 1.1);
    Map<String, Truth> s = byId(evaluate("NCT04324411", p));
    assertThat(s).containsEntry("inc-3", Truth.NOT_MET).containsEntry("exc-3", Truth.NOT_MET)
        .containsEntry("inc-1", Truth.UNKNOWN);
  }
}
