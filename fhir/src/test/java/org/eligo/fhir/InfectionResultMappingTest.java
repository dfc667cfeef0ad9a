package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.patient.InfectionResult.Finding.EXPOSED;
import static org.eligo.core.patient.InfectionResult.Finding.INFECTED;
import static org.eligo.core.patient.InfectionResult.Finding.NOT_INFECTED;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.loinc;
import static org.eligo.fhir.testkit.Code.snomed;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.ValueBound;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.patient.ViralLoad.Virus;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Observations of tests for infections (HBsAg, HCV RNA, anti-HCV, HIV antigen/antibody, viral loads) become what
 * their results show, read from coded answers, text, viral-load quantities or the interpretation; results that
 * settle nothing are reported and left out. LOINC and answer codes come from the bundled terminology.
 */
class InfectionResultMappingTest {
  static final Code HBSAG = loinc("5196-1");
  static final Code HBV_DNA = loinc("42595-9");
  static final Code HCV_RNA = loinc("11011-4");
  static final Code ANTI_HCV = loinc("13955-0");
  static final Code HIV_AG_AB = loinc("56888-1");
  static final Code ANTI_HBC = loinc("13952-7");
  static final Code ANTI_HBC_SERUM = loinc("16933-4");
  static final String V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1980-04-12").male();
  }

  private static List<InfectionResult> results(FhirPatientBuilder record) {
    return read(record.bundleJson()).facts().infectionResults();
  }

  private static FhirPatientBuilder text(FhirPatientBuilder b, Code code, String value, String date) {
    return b.observation(code, date, o -> o.put("valueString", value));
  }

  private static FhirPatientBuilder interpretation(FhirPatientBuilder b, String code) {
    return b.with(o -> o.putArray("interpretation").addObject().putArray("coding").addObject()
        .put("system", V3).put("code", code));
  }

  @Test
  void aPositiveHbsagIsHepatitisBOnItsDate() {
    InfectionResult r = results(adult().coded(HBSAG, snomed("10828004").display("Positive"), "2026-01-03")
        .id("hbsag-1")).getFirst();
    assertThat(r.infection()).isEqualTo("hepatitis-b");
    assertThat(r.concepts()).contains("hepatitis-b", "infection");
    assertThat(r.finding()).isEqualTo(INFECTED);
    assertThat(r.text()).isEqualTo("HBsAg: Positive");
    assertThat(r.date()).isEqualTo(LocalDate.of(2026, 1, 3));
    assertThat(r.source()).isEqualTo(new SourceRef("Observation", "hbsag-1"));
  }

  @Test
  void codedAnswersWithoutDisplayAndAnswersWrittenAsTextAreRead() {
    List<InfectionResult> rs = results(text(text(adult()
        .coded(HBSAG, snomed("260385009"), "2026-01-03")
        .coded(HIV_AG_AB, loinc("LA11883-8").display("Not detected"), "2026-01-04"), HIV_AG_AB, "Reactive",
        "2026-01-05"), ANTI_HCV, "Non-reactive", "2026-01-06"));
    assertThat(rs).extracting(InfectionResult::text, InfectionResult::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("HBsAg: Negative", NOT_INFECTED),
        org.assertj.core.groups.Tuple.tuple("HIV-1/2 Ag/Ab: Not detected", NOT_INFECTED),
        org.assertj.core.groups.Tuple.tuple("HIV-1/2 Ag/Ab: Reactive", EXPOSED),
        org.assertj.core.groups.Tuple.tuple("Anti-HCV: Non-reactive", NOT_INFECTED));
    // antibody tests are marked: their negative cannot say an infection a test for the virus showed has gone
    assertThat(rs).extracting(InfectionResult::antibody).containsExactly(false, true, true, true);
  }

  /**
   * A rapid HIV-1/2 antibody test (LOINC 80387-4, as point-of-care and resource-limited settings record it, DECISIONS
   * 93): reactive is a screen to confirm, not an infection; non-reactive rules HIV out on its date, as the laboratory
   * antibody test (31201-7) does. It was "no measure Eligo uses", so "HIV negative" stayed asked.
   */
  @Test
  void aRapidHivAntibodyTestIsReadAsTheLaboratoryOne() {
    List<InfectionResult> rs = results(text(text(adult(), loinc("80387-4"), "Non-reactive", "2026-01-03"),
        loinc("80387-4"), "Reactive", "2026-01-05"));
    assertThat(rs).extracting(InfectionResult::infection, InfectionResult::finding, InfectionResult::antibody)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hiv-infection", NOT_INFECTED, true),
            org.assertj.core.groups.Tuple.tuple("hiv-infection", EXPOSED, true));
  }

  @Test
  void aPositiveHcvAntibodyIsAPastOrPresentInfectionOnly() {
    assertThat(results(text(adult(), ANTI_HCV, "Positive", "2026-01-03"))).singleElement()
        .satisfies(r -> assertThat(r.finding()).isEqualTo(EXPOSED));
  }

  @Test
  void aViralLoadAboveZeroIsDetectedAndZeroIsNot() {
    List<InfectionResult> rs = results(adult().lab(HCV_RNA, 120000, "IU/mL", "2026-01-03")
        .lab(HCV_RNA, 0, "[IU]/mL", "2026-02-03").lab(HBV_DNA, 35, "{copies}/mL", "2026-01-04"));
    assertThat(rs).extracting(InfectionResult::text, InfectionResult::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("HCV RNA: 120000 IU/mL", INFECTED),
        org.assertj.core.groups.Tuple.tuple("HCV RNA: not detected (0 [IU]/mL)", NOT_INFECTED),
        org.assertj.core.groups.Tuple.tuple("HBV DNA: 35 {copies}/mL", INFECTED));
  }

  @Test
  void anUndetectableHbvViralLoadIsKeptForItsLoadButShowsNothingOfTheInfection() {
    PatientReadResult result = read(adult().coded(HBV_DNA, snomed("260415000"), "2026-01-03")
        .lab(HBV_DNA, 0, "IU/mL", "2026-01-04").observation(HBV_DNA, "2026-01-05",
            o -> o.put("valueString", "Target not detected")).bundleJson());
    assertThat(result.facts().infectionResults()).hasSize(3).allSatisfy(r -> {
      assertThat(r.finding()).as("treated hepatitis B is undetectable").isNull();
      assertThat(r.test()).isEqualTo("hbv-dna");
      assertThat(r.load()).isEqualTo(ViralLoad.of(Virus.NOT_DETECTED)); // zero is none found, not a count
    });
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void aViralLoadKeepsItsAmountAndUnit() {
    List<InfectionResult> rs = results(adult().lab(HBV_DNA, 5000, "IU/mL", "2026-01-03")
        .lab(HBV_DNA, 35, "{copies}/mL", "2026-01-04"));
    assertThat(rs).extracting(InfectionResult::load).containsExactly(
        new ViralLoad(Virus.DETECTED, 5000, null, ViralLoad.IU_PER_ML),
        new ViralLoad(Virus.DETECTED, 35, null, ViralLoad.COPIES_PER_ML));
    assertThat(results(adult().lab(HBV_DNA, 3.7, "[log_10]{IU}/mL", "2026-01-03"))).as("log10 units are not read")
        .singleElement().satisfies(r -> assertThat(r.load()).isEqualTo(ViralLoad.of(Virus.UNSETTLED)));
    assertThat(results(adult().coded(HBSAG, snomed("10828004"), "2026-01-03"))).singleElement()
        .satisfies(r -> assertThat(r.load()).as("HBsAg is no viral load").isNull());
  }

  @Test
  void anHivViralLoadAsHivProgrammesSendItIsRead() {
    // the code and unit of the Ethiopia and Rwanda HIV implementation guides: 25836-8, UCUM 1/mL
    assertThat(results(adult().lab(loinc("25836-8"), 1001, "1/mL", "2026-01-03"))).singleElement().satisfies(r -> {
      assertThat(r.infection()).isEqualTo("hiv-infection");
      assertThat(r.finding()).isEqualTo(INFECTED);
      assertThat(r.load()).isEqualTo(new ViralLoad(Virus.DETECTED, 1001, null, ViralLoad.COPIES_PER_ML));
    });
  }

  @Test
  void aBoundSettlesNeitherDetectionNorInfectionButTheInterpretationDoes() {
    PatientReadResult bound = read(adult().lab(HCV_RNA, 15, "IU/mL", "2026-01-03")
        .with(o -> o.withObject("valueQuantity").put("comparator", "<")).bundleJson());
    assertThat(bound.facts().infectionResults()).singleElement().satisfies(r -> {
      assertThat(r.finding()).as("below the limit of quantification: a trace or nothing").isNull();
      assertThat(r.load()).isEqualTo(new ViralLoad(Virus.UNSETTLED, 15, ValueBound.BELOW, ViralLoad.IU_PER_ML));
      assertThat(r.text()).isEqualTo("HCV RNA: <15 IU/mL");
    });
    FhirPatientBuilder withInterpretation = adult().lab(HCV_RNA, 15, "IU/mL", "2026-01-03")
        .with(o -> o.withObject("valueQuantity").put("comparator", "<"));
    assertThat(results(interpretation(withInterpretation, "ND"))).singleElement().satisfies(r -> {
      assertThat(r.finding()).isEqualTo(NOT_INFECTED);
      assertThat(r.load()).isEqualTo(new ViralLoad(Virus.NOT_DETECTED, 15, ValueBound.BELOW, ViralLoad.IU_PER_ML));
    });
    assertThat(results(adult().lab(HBV_DNA, 170000000, "IU/mL", "2026-01-03")
        .with(o -> o.withObject("valueQuantity").put("comparator", ">")))).singleElement()
        .satisfies(r -> assertThat(r.finding()).as("above the upper limit: detected").isEqualTo(INFECTED));
  }

  @Test
  void anIndexValueIsReadThroughItsInterpretation() {
    // an HBsAg signal-to-cutoff index is no viral load: only the lab's interpretation says what it means
    assertThat(results(interpretation(adult().lab(HBSAG, 0.2, "{index}", "2026-01-03"), "NEG"))).singleElement()
        .satisfies(r -> {
          assertThat(r.finding()).isEqualTo(NOT_INFECTED);
          assertThat(r.text()).isEqualTo("HBsAg: Negative");
        });
    assertThat(results(adult().lab(HBSAG, 0.2, "{index}", "2026-01-03"))).isEmpty();
  }

  @Test
  void aValueAndAnInterpretationThatDisagreeSettleNothing() {
    PatientReadResult result = read(interpretation(text(adult(), HBSAG, "Negative", "2026-01-03"), "POS")
        .bundleJson());
    assertThat(result.facts().infectionResults()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("disagrees with the value");
    });
  }

  @Test
  void anUnreadableResultIsReportedWithoutQuotingIt() {
    PatientReadResult result = read(text(text(adult(), HBSAG, "Indeterminate", "2026-01-03"), HIV_AG_AB,
        "Reactive, result phoned to Dr Jane Roe", "2026-01-04").bundleJson());
    assertThat(result.facts().infectionResults()).isEmpty();
    assertThat(result.diagnostics()).hasSize(2).allSatisfy(d -> {
      assertThat(d.message()).contains("settles nothing").doesNotContain("Roe").doesNotContain("Indeterminate");
    });
  }

  @Test
  void aViralLoadInLogUnitsIsNotRead() {
    PatientReadResult result = read(adult().lab(HCV_RNA, 5.1, "log10 IU/mL", "2026-01-03").bundleJson());
    // kept as the test's latest load that settles nothing, so an older load does not decide in its place (§74)
    assertThat(result.facts().infectionResults()).singleElement().satisfies(r -> {
      assertThat(r.finding()).isNull();
      assertThat(r.load()).isEqualTo(ViralLoad.of(Virus.UNSETTLED));
    });
    assertThat(result.diagnostics()).extracting(FhirDiagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("not in log units"));
  }

  @Test
  void aPositiveHepatitisBCoreAntibodyIsAPastOrPresentInfectionAndANegativeOneSettlesNothing() {
    PatientReadResult result = read(text(adult()
        .coded(ANTI_HBC, snomed("11214006").display("Reactive"), "2026-01-03").id("hbc-1"), ANTI_HBC_SERUM,
        "Negative", "2026-02-03").bundleJson());
    assertThat(result.facts().infectionResults()).hasSize(2).first().satisfies(r -> {
      assertThat(r.infection()).isEqualTo("hepatitis-b");
      assertThat(r.finding()).isEqualTo(EXPOSED);
      assertThat(r.antibody()).isTrue();
      assertThat(r.text()).isEqualTo("Anti-HBc: Reactive");
      assertThat(r.source()).isEqualTo(new SourceRef("Observation", "hbc-1"));
      assertThat(r.load()).as("kept for 'Positive anti-HBc' (§74)").isEqualTo(ViralLoad.of(Virus.DETECTED));
    });
    // anti-HBc may be undetectable early in an infection: its negative rules nothing out, and is kept only as the
    // test's own result ("Positive anti-HBc" is NOT_MET, §74)
    assertThat(result.facts().infectionResults().get(1)).satisfies(r -> {
      assertThat(r.finding()).isNull();
      assertThat(r.load()).isEqualTo(ViralLoad.of(Virus.NOT_DETECTED));
    });
  }

  /** The outcome of a rule on the record read as of 2026-03-01, explained. */
  private static org.eligo.core.eval.Outcome verdict(org.eligo.core.rule.Rule rule, FhirPatientBuilder record) {
    return org.eligo.core.eval.RuleEvaluator.evaluate(rule, org.eligo.core.eval.PatientIndex.of(
        read(record.bundleJson()).facts()), new org.eligo.core.eval.EvaluationContext(LocalDate.parse("2026-03-01")));
  }

  @Test
  void aPositiveHepatitisBCoreAntibodyLeavesHepatitisBOpenAndNeverShowsAnActiveOne() {
    FhirPatientBuilder record = text(adult(), ANTI_HBC, "Positive", "2026-01-03");
    org.eligo.core.rule.ConditionRule history = new org.eligo.core.rule.ConditionRule(java.util.Set.of("hepatitis-b"),
        java.util.Set.of(), org.eligo.core.rule.TimeWindow.EVER, "hepatitis B");
    org.eligo.core.rule.ConditionRule active = new org.eligo.core.rule.ConditionRule(java.util.Set.of("hepatitis-b"),
        java.util.Set.of(), new org.eligo.core.rule.TimeWindow.Active(), "hepatitis B");
    // "History of hepatitis B": the antibody shows an exposure the record's diagnoses do not (it had been NOT_MET)
    assertThat(verdict(history, record).truth()).isEqualTo(org.eligo.core.logic.Truth.UNKNOWN);
    // "Active hepatitis B": never shown by the antibody; asked, with a test for the virus to settle it
    org.eligo.core.eval.Outcome current = verdict(active, record);
    assertThat(current.truth()).isEqualTo(org.eligo.core.logic.Truth.UNKNOWN);
    assertThat(current.questions()).singleElement().asString().contains("Anti-HBc: Positive");
    // with a recent negative HBsAg after it, the antibody is a cleared infection: no active hepatitis B
    assertThat(verdict(active, text(record, HBSAG, "Negative", "2026-02-01")).truth())
        .isEqualTo(org.eligo.core.logic.Truth.NOT_MET);
  }

  /**
   * A result sent beside a data-absent reason (FHIR forbids both, obs-6): the record does not say whether the answer or
   * the reason is true, so it is never read (DECISIONS 93 review). A "Positive" HBsAg with "error" had excluded the
   * patient under "Active hepatitis B"; a "Non-reactive" rapid HIV test with "error" had ruled HIV out; an HBV DNA of 0
   * with "not-performed" had been an undetectable load.
   */
  @Test
  void aResultBesideADataAbsentReasonIsNotRead() {
    java.util.function.BiFunction<FhirPatientBuilder, String, FhirPatientBuilder> absent = (b, code) -> b.with(o -> o
        .putObject("dataAbsentReason").putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/data-absent-reason").put("code", code));
    org.eligo.core.rule.ConditionRule activeHepatitisB = new org.eligo.core.rule.ConditionRule(
        java.util.Set.of("hepatitis-b"), java.util.Set.of(), new org.eligo.core.rule.TimeWindow.Active(),
        "hepatitis B");
    org.eligo.core.rule.ConditionRule hiv = new org.eligo.core.rule.ConditionRule(java.util.Set.of("hiv-infection"),
        java.util.Set.of(), new org.eligo.core.rule.TimeWindow.Active(), "HIV infection");
    FhirPatientBuilder positiveInError = absent.apply(adult().coded(HBSAG, snomed("10828004").display("Positive"),
        "2026-01-03"), "error");
    assertThat(verdict(activeHepatitisB, positiveInError).truth()).isEqualTo(org.eligo.core.logic.Truth.UNKNOWN);
    assertThat(verdict(activeHepatitisB, absent.apply(text(adult(), HBSAG, "Reactive", "2026-01-03"), "unknown"))
        .truth()).isEqualTo(org.eligo.core.logic.Truth.UNKNOWN);
    assertThat(verdict(hiv, absent.apply(text(adult(), loinc("80387-4"), "Non-reactive", "2026-01-03"), "error"))
        .truth()).isEqualTo(org.eligo.core.logic.Truth.UNKNOWN);
    assertThat(verdict(hiv, absent.apply(interpretation(adult().observation(HIV_AG_AB, "2026-01-03", o -> { }), "NEG"),
        "not-performed")).truth()).isEqualTo(org.eligo.core.logic.Truth.UNKNOWN);
    // an HBV DNA of 0 sent with "not-performed" is no undetectable load: the latest load, settling nothing
    List<InfectionResult> load = results(absent.apply(adult().observation(HBV_DNA, "2026-01-03", o -> o
        .putObject("valueQuantity").put("value", 0).put("unit", "IU/mL").put("system", "http://unitsofmeasure.org")
        .put("code", "[IU]/mL")), "not-performed"));
    assertThat(load).singleElement().satisfies(r -> {
      assertThat(r.finding()).isNull();
      assertThat(r.load().virus()).isEqualTo(Virus.UNSETTLED);
    });
    // without the reason, the same answers are read
    assertThat(verdict(activeHepatitisB, adult().coded(HBSAG, snomed("10828004").display("Positive"), "2026-01-03"))
        .truth()).isEqualTo(org.eligo.core.logic.Truth.MET);
    assertThat(verdict(hiv, text(adult(), loinc("80387-4"), "Non-reactive", "2026-01-03")).truth())
        .isEqualTo(org.eligo.core.logic.Truth.NOT_MET);
  }
}
