package org.eligo.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.trial.RegistryAge;
import org.junit.jupiter.api.Test;

/** Questionnaire answers evaluated by the real evaluator: unanswered history stays unknown, never "no". */
class AnswerEvaluatorTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  private static final CriteriaSet TRIAL = new CriteriaSet("NCT00000001", List.of(
      new Criterion("age", CriterionType.INCLUSION, "18-80 years old.", new AgeRule(RegistryAge.parse("18 Years"),
          true, RegistryAge.parse("80 Years"), true), RuleOrigin.PARSED),
      new Criterion("hb", CriterionType.INCLUSION, "Hemoglobin < 100 g/L", MeasurementRule.of("hemoglobin",
          "hemoglobin", Comparator.LT, 100, "g/L"), RuleOrigin.PARSED),
      new Criterion("mds", CriterionType.EXCLUSION, "MDS", ConditionRule.ever("myelodysplastic syndrome", "mds"),
          RuleOrigin.PARSED),
      new Criterion("siro", CriterionType.EXCLUSION, "Previous sirolimus", new MedicationRule(
          java.util.Set.of("sirolimus"), MedicationTiming.EVER, "sirolimus"), RuleOrigin.PARSED),
      new Criterion("preg", CriterionType.EXCLUSION, "Pregnant", PregnancyRule.pregnant(), RuleOrigin.PARSED),
      new Criterion("odd", CriterionType.EXCLUSION, "Anything odd", new Unparsed("vague"), RuleOrigin.UNPARSED),
      new Criterion("consent", CriterionType.INCLUSION, "Consent", new ScreeningConfirmation("consent"),
          RuleOrigin.PARSED)));

  private static TrialResult evaluate(Map<String, String> answers) {
    return AnswerEvaluator.evaluate(TRIAL, new Answers(answers), TODAY, q -> "Q " + q.key());
  }

  private static String key(String criterionId) {
    Criterion c = TRIAL.criteria().stream().filter(x -> x.id().equals(criterionId)).findFirst().orElseThrow();
    return QuestionPlanner.questions(TRIAL.trialId(), c).get(0).key();
  }

  private static Truth status(TrialResult r, String id) {
    return r.criteria().stream().filter(c -> c.criterion().id().equals(id)).findFirst().orElseThrow().status();
  }

  @Test
  void aConditionQuestionSaysWhatDoesNotCountSoAYesMeansTheExclusion() {
    Criterion cancer = new Criterion("cancer", CriterionType.EXCLUSION, "Malignancy in 5 years, except localized "
        + "basal cell carcinoma of the skin", new ConditionRule(java.util.Set.of("malignancy"),
        java.util.Set.of("basal-cell-carcinoma-of-skin"), new org.eligo.core.rule.TimeWindow.WithinDays(1825), "malignancy"),
        RuleOrigin.CURATED);
    assertThat(QuestionPlanner.questions("NCT00000002", cancer)).singleElement()
        .satisfies(q -> assertThat(q.label()).isEqualTo("malignancy (not counting basal cell carcinoma of skin)"));
  }

  @Test
  void whatDoesNotCountIsNamedAsTheTerminologyWritesItNotAsAnInternalId() {
    Criterion infection = new Criterion("infection", CriterionType.EXCLUSION, "Active infection (chronic viral "
        + "hepatitis and HIV are assessed separately)", new ConditionRule(java.util.Set.of("infection"),
        java.util.Set.of("hepatitis-b", "hiv-infection"), new org.eligo.core.rule.TimeWindow.Active(), "infection"),
        RuleOrigin.CURATED);
    assertThat(QuestionPlanner.questions("NCT00000002", infection)).singleElement()
        .satisfies(q -> assertThat(q.label())
            .isEqualTo("infection (not counting hepatitis B virus infection or HIV infection)"));
  }

  @Test
  void aTrialThatAsksAboutPregnancyAsksSexFirst() {
    Criterion preg = TRIAL.criteria().stream().filter(c -> c.id().equals("preg")).findFirst().orElseThrow();
    assertThat(QuestionPlanner.questions("NCT00000001", preg)).extracting(Question::key)
        .containsExactly(QuestionPlanner.SEX, QuestionPlanner.PREGNANT);
  }

  @Test
  void aMeasurementInAUnitTheQuestionDidNotOfferIsNotRead() {
    String hb = key("hb");
    assertThat(status(evaluate(Map.of(hb, "85", "unit." + hb, "g/L")), "hb")).isEqualTo(Truth.MET);
    assertThat(status(evaluate(Map.of(hb, "85", "unit." + hb, "furlongs")), "hb")).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void noAnswersLeaveEveryCriterionOpenNotExcluded() {
    TrialResult r = evaluate(Map.of());
    assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    assertThat(status(r, "mds")).isEqualTo(Truth.UNKNOWN);
    assertThat(status(r, "siro")).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void ageOutsideTheRangeExcludes() {
    TrialResult r = evaluate(Map.of("age", "85"));
    assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(r.reasons()).extracting(c -> c.criterion().id()).containsExactly("age");
    assertThat(status(evaluate(Map.of("age", "80")), "age")).isEqualTo(Truth.MET);
    assertThat(status(evaluate(Map.of("age", "18")), "age")).isEqualTo(Truth.MET);
    assertThat(status(evaluate(Map.of("age", "17")), "age")).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void labValuesConvertFromTheChosenUnit() {
    assertThat(status(evaluate(Map.of("m.hemoglobin", "9.9", "unit.m.hemoglobin", "g/dL")), "hb"))
        .isEqualTo(Truth.MET);
    assertThat(status(evaluate(Map.of("m.hemoglobin", "10", "unit.m.hemoglobin", "g/dL")), "hb"))
        .isEqualTo(Truth.NOT_MET);
    assertThat(status(evaluate(Map.of("m.hemoglobin", "99", "unit.m.hemoglobin", "g/L")), "hb")).isEqualTo(Truth.MET);
  }

  @Test
  void yesAndNoSettleHistoryQuestions() {
    assertThat(status(evaluate(Map.of(key("mds"), "yes")), "mds")).isEqualTo(Truth.MET);
    assertThat(status(evaluate(Map.of(key("mds"), "no")), "mds")).isEqualTo(Truth.NOT_MET);
    assertThat(status(evaluate(Map.of(key("mds"), "unknown")), "mds")).isEqualTo(Truth.UNKNOWN);
    assertThat(evaluate(Map.of(key("siro"), "yes")).verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void unreadCriteriaAreAskedAsWritten() {
    Question q = QuestionPlanner.questions(TRIAL.trialId(), TRIAL.criteria().get(5)).get(0);
    assertThat(q.label()).isEqualTo("Anything odd");
    assertThat(status(evaluate(Map.of(q.key(), "no")), "odd")).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void everythingAnsweredInFavourIsEligible() {
    TrialResult r = evaluate(Map.of("age", "40", "sex", "female", "pregnant", "no", "m.hemoglobin", "8",
        "unit.m.hemoglobin", "g/dL", key("mds"), "no", key("siro"), "no", key("odd"), "no"));
    assertThat(r.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(r.toConfirm()).containsExactly("consent");
  }

  @Test
  void questionsComeOneAtATimeAndStopWhenDecided() {
    var candidate = new org.eligo.core.match.MatchCandidate(trial(), TRIAL);
    EligibilityCheck first = EligibilityCheck.run(List.of(candidate), Answers.NONE, TODAY, q -> q.key());
    assertThat(first.next().key()).isEqualTo("age");
    EligibilityCheck second = EligibilityCheck.run(List.of(candidate), new Answers(Map.of("age", "40")), TODAY,
        q -> q.key());
    assertThat(second.next().key()).isNotEqualTo("age");
    EligibilityCheck decided = EligibilityCheck.run(List.of(candidate), new Answers(Map.of("age", "90")), TODAY,
        q -> q.key());
    assertThat(decided.next()).isNull();
    EligibilityCheck male = EligibilityCheck.run(List.of(candidate), new Answers(Map.of("age", "40", "sex", "male",
        "m.hemoglobin", "8", "unit.m.hemoglobin", "g/dL")), TODAY, q -> q.key());
    assertThat(male.next().key()).isNotEqualTo("pregnant");
  }

  private static org.eligo.core.trial.Trial trial() {
    return new org.eligo.core.trial.Trial(new org.eligo.core.trial.Identification("NCT00000001", List.of(), null,
        List.of(), "Test trial", null, null, null), null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }
}
