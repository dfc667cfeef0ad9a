package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.loinc;
import static org.eligo.fhir.testkit.Code.snomed;

import java.time.LocalDate;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Evidence;
import org.eligo.core.eval.Outcome;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Observation dates the record gives only as a year or a month ("2025-12"): whether a result is recent enough and
 * which result is the latest are never settled by taking the first day of the month. Read from FHIR JSON, evaluated
 * as a criterion would be.
 */
class ObservationPartialDatesTest {
  /** "Platelets ≥ 100 × 10^9/L within 4 weeks". */
  static final MeasurementRule PLATELETS_4_WEEKS =
      MeasurementRule.of("platelets", "platelet count", Comparator.GE, 100, "10*9/L").withRecencyDays(28);
  /** "Platelets ≥ 100 × 10^9/L" with the default lab recency (90 days). */
  static final MeasurementRule PLATELETS = MeasurementRule.of("platelets", "platelet count", Comparator.GE, 100,
      "10*9/L");
  static final Code HBSAG = loinc("5196-1");
  static final Code PREGNANT = loinc("LA15173-0");
  static final Code NOT_PREGNANT = loinc("LA26683-5");

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1990-04-12").female();
  }

  private static PatientReadResult read(FhirPatientBuilder record, String asOf) {
    return Readers.READER.read(record.bundleJson(), LocalDate.parse(asOf));
  }

  /** The criterion's outcome, explained; deciding alone must agree with it. */
  private static Outcome eval(Rule rule, FhirPatientBuilder record, String asOf) {
    PatientFacts facts = read(record, asOf).facts();
    PatientIndex patient = PatientIndex.of(facts);
    EvaluationContext context = new EvaluationContext(LocalDate.parse(asOf));
    Outcome explained = RuleEvaluator.evaluate(rule, patient, context);
    assertThat(RuleEvaluator.evaluate(rule, patient, context.decideOnly()).truth())
        .as("deciding and explaining agree").isEqualTo(explained.truth());
    return explained;
  }

  @Test
  void aMonthIsReadAsItsFirstAndLastDay() {
    PatientReadResult result = read(adult().lab("platelets", 120, "10*9/L", "2025-12").id("plt"), "2026-01-10");
    assertThat(result.facts().measurements()).singleElement().satisfies(m -> {
      assertThat(m.date()).hasToString("2025-12-01");
      assertThat(m.dateLatest()).hasToString("2025-12-31");
    });
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> {
      assertThat(d.location()).isEqualTo("Observation/plt.effectiveDateTime");
      assertThat(d.message()).doesNotContain("first day");
    });
  }

  @Test
  void aMonthStraddlingTheStartOfTheRecencyWindowLeavesTheLimitOpenAndSaysSo() {
    // as of 2026-01-10 "within 4 weeks" starts on 2025-12-13: December's count may be from before or after
    Outcome straddling = eval(PLATELETS_4_WEEKS, adult().lab("platelets", 120, "10*9/L", "2025-12"), "2026-01-10");
    assertThat(straddling.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(straddling.questions()).singleElement().asString()
        .contains("from the last 28 days", "2025-12 (only the month recorded)", "may be older");
    assertThat(straddling.evidence()).singleElement().extracting(Evidence::description).asString()
        .contains("120", "2025-12 (only the month recorded)");

    // as of 2026-06-01 the whole month is too old: open for want of a recent count, as today
    Outcome old = eval(PLATELETS_4_WEEKS, adult().lab("platelets", 120, "10*9/L", "2025-12"), "2026-06-01");
    assertThat(old.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(old.questions()).singleElement().asString().contains("is older");

    // the whole month inside the window decides, both ways
    assertThat(eval(PLATELETS_4_WEEKS, adult().lab("platelets", 120, "10*9/L", "2025-12"), "2025-12-28").truth())
        .isEqualTo(Truth.MET);
    assertThat(eval(PLATELETS_4_WEEKS, adult().lab("platelets", 80, "10*9/L", "2025-12"), "2025-12-28").truth())
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void exactDatesDecideAsBefore() {
    assertThat(eval(PLATELETS_4_WEEKS, adult().lab("platelets", 120, "10*9/L", "2025-12-20"), "2026-01-10").truth())
        .isEqualTo(Truth.MET);
    assertThat(eval(PLATELETS_4_WEEKS, adult().lab("platelets", 120, "10*9/L", "2025-12-01"), "2026-01-10").truth())
        .isEqualTo(Truth.UNKNOWN);
    assertThat(eval(PLATELETS, adult().lab("platelets", 150, "10*9/L", "2025-12-01")
        .lab("platelets", 50, "10*9/L", "2025-12-15"), "2026-01-05").truth()).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aResultDatedByMonthThatMayBeTheLatestDecidesOnlyWithTheResultsItCannotBeOrderedWith() {
    // 50 on 2025-12-15 and 150 some day of December: which came last is not recorded
    Outcome open = eval(PLATELETS, adult().lab("platelets", 50, "10*9/L", "2025-12-15").id("dec-15")
        .lab("platelets", 150, "10*9/L", "2025-12").id("dec"), "2026-01-05");
    assertThat(open.truth()).as("not excluded on the 15th's count, nor included on the month's").isEqualTo(Truth.UNKNOWN);
    assertThat(open.questions()).singleElement().asString()
        .contains("Which platelet count is the latest?", "only the month or year", "2025-12 (only the month recorded)");
    assertThat(open.evidence()).extracting(Evidence::resource)
        .containsExactlyInAnyOrder("Observation/dec-15", "Observation/dec");

    // a year reaches the newest day too
    assertThat(eval(PLATELETS, adult().lab("platelets", 150, "10*9/L", "2025-12-15")
        .lab("platelets", 50, "10*9/L", "2025"), "2026-01-05").truth()).isEqualTo(Truth.UNKNOWN);

    // both read alike: decided
    Outcome agree = eval(PLATELETS, adult().lab("platelets", 160, "10*9/L", "2025-12-15")
        .lab("platelets", 150, "10*9/L", "2025-12"), "2026-01-05");
    assertThat(agree.truth()).isEqualTo(Truth.MET);
    assertThat(agree.evidence()).hasSize(2);

    // a month wholly before the newest result cannot be the latest
    assertThat(eval(PLATELETS, adult().lab("platelets", 150, "10*9/L", "2025-12-15")
        .lab("platelets", 50, "10*9/L", "2025-11"), "2026-01-05").truth()).isEqualTo(Truth.MET);
  }

  @Test
  void aTransfusionBeforeAnyDayOfTheResultsMonthLeavesATransfusionFreeCountOpen() {
    // "platelets ≥ 100 without transfusion in the 7 days before": a transfusion on 2025-12-20 is within 7 days of
    // a count taken any day from the 20th to the 27th of December
    MeasurementRule free = PLATELETS.withTransfusionFreeDays(7);
    FhirPatientBuilder record = adult().lab("platelets", 150, "10*9/L", "2025-12")
        .procedure(Code.text("Platelet transfusion"), "Platelet transfusion", "2025-12-20");
    assertThat(eval(free, record, "2026-01-05").truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aPendingResultDatedByMonthSetsAsideTheResultsItMayBeNewerThan() {
    // a final count of 20 on 2026-01-10 and a preliminary one of 150 some day of January: the preliminary one may be
    // the newest, so the final one must not exclude in its place
    PatientReadResult pending = read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("final")
        .lab("platelets", 150, "10*9/L", "2026-01").id("prelim").status("preliminary"), "2026-03-01");
    assertThat(pending.facts().measurements()).isEmpty();
    assertThat(pending.diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .isEqualTo("a preliminary platelets result of 2026-01 may still change; the other platelets results are not "
            + "used, as the record gives only the month or year of some and it may be the newest until it is final"));

    // a final result dated by a month the preliminary one falls in may be older than it
    assertThat(read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01").id("final")
        .lab("platelets", 150, "10*9/L", "2026-01-15").id("prelim").status("preliminary"), "2026-03-01")
        .facts().measurements()).isEmpty();

    // a final result surely after the preliminary month stands, one surely before it is set aside
    assertThat(read(adult()
        .lab("platelets", 20, "10*9/L", "2025-12-20").id("december")
        .lab("platelets", 150, "10*9/L", "2026-01").id("prelim").status("preliminary")
        .lab("platelets", 120, "10*9/L", "2026-02-10").id("february"), "2026-03-01")
        .facts().measurements()).extracting(m -> m.source().id()).containsExactly("february");
  }

  @Test
  void aPregnancyStatusDatedByMonthCannotBeOrderedWithOneOfThatMonth() {
    // a test reading pregnant some day of December, and one reading not pregnant on December 20: which is the later
    // is not recorded, so she is neither taken as pregnant nor cleared
    Outcome o = eval(PregnancyRule.pregnant(), adult()
        .pregnancyStatus(PREGNANT, "2025-12").id("dec")
        .pregnancyStatus(NOT_PREGNANT, "2025-12-20").id("dec-20"), "2025-12-28");
    assertThat(o.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(o.questions()).singleElement().asString().contains("Is the patient pregnant?");
    assertThat(o.evidence()).extracting(Evidence::description).anySatisfy(d -> assertThat(d)
        .contains("2025-12 (only the month recorded)"));

    // exact days: the later one decides, as before
    assertThat(eval(PregnancyRule.pregnant(), adult()
        .pregnancyStatus(PREGNANT, "2025-12-01")
        .pregnancyStatus(NOT_PREGNANT, "2025-12-20"), "2025-12-28").truth()).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aPregnancyStatusWhoseMonthReachesIntoTheWindowIsNotSetAsideAsOld() {
    // a woman of 60 (not asked when her record says nothing) with a status reading pregnant dated December 2025; as
    // of 2026-01-10 the 30-day window starts on 2025-12-11: the status may be recent, so it is not passed over
    FhirPatientBuilder record = FhirPatientBuilder.patient("p1").born("1965-03-01").female()
        .pregnancyStatus(PREGNANT, "2025-12");
    assertThat(eval(PregnancyRule.pregnant(), record, "2026-01-10").truth()).isEqualTo(Truth.UNKNOWN);
    // wholly older than the window: as before, her age answers
    assertThat(eval(PregnancyRule.pregnant(), record, "2026-03-01").truth()).isEqualTo(Truth.NOT_MET);
    // a status reading not pregnant straddling the window agrees with her age: decided
    assertThat(eval(PregnancyRule.pregnant(), FhirPatientBuilder.patient("p1").born("1965-03-01").female()
        .pregnancyStatus(NOT_PREGNANT, "2025-12"), "2026-01-10").truth()).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anInfectionResultDatedByMonthCannotBeOrderedWithAResultOfThatMonth() {
    ConditionRule activeHepatitisB = new ConditionRule(Set.of("hepatitis-b"), Set.of(), new TimeWindow.Active(),
        "hepatitis B");
    // HBsAg positive some day of December, negative on December 20: the negative does not rule hepatitis B out
    Outcome o = eval(activeHepatitisB, adult()
        .coded(HBSAG, snomed("10828004").display("Positive"), "2025-12").id("pos")
        .coded(HBSAG, snomed("260385009").display("Negative"), "2025-12-20").id("neg"), "2026-01-10");
    assertThat(o.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(o.questions()).singleElement().asString()
        .contains("Which result is the latest", "HBsAg: Positive (2025-12 (only the month recorded))");

    // exact days: the later negative rules it out, as before
    assertThat(eval(activeHepatitisB, adult()
        .coded(HBSAG, snomed("10828004").display("Positive"), "2025-12-01")
        .coded(HBSAG, snomed("260385009").display("Negative"), "2025-12-20"), "2026-01-10").truth())
        .isEqualTo(Truth.NOT_MET);
    // a negative of November is surely older than the December positive
    assertThat(eval(activeHepatitisB, adult()
        .coded(HBSAG, snomed("10828004").display("Positive"), "2025-12")
        .coded(HBSAG, snomed("260385009").display("Negative"), "2025-11"), "2026-01-10").truth())
        .isEqualTo(Truth.MET);
  }
}
