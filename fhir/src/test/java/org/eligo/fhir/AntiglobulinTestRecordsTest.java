package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.QualitativeResultRule;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Direct antiglobulin (Coombs) test results coded the ways hospitals send them (DECISIONS §86): LOINC 1007-4
 * (polyspecific), 1006-6 (IgG-specific), 1004-1 (complement-specific), answered by SNOMED CT or LOINC answer codes, by
 * text ("Positive", "NEG"), or only by an HL7 interpretation code beside a value Eligo cannot read ("2+").
 */
class AntiglobulinTestRecordsTest {
  private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  private static final EvaluationContext AS_OF = new EvaluationContext(LocalDate.of(2026, 3, 1));

  /** "Positive DAT", as the parser reads it without a time. */
  private static final QualitativeResultRule POSITIVE_DAT = new QualitativeResultRule("direct antiglobulin test (DAT)",
      Set.of("dat", "dat-igg", "dat-c3"), List.of(Set.of("dat"), Set.of("dat-igg", "dat-c3")), 90, false);
  /** "DAT positive for IgG". */
  private static final QualitativeResultRule IGG = new QualitativeResultRule("DAT for IgG", Set.of("dat-igg"),
      List.of(Set.of("dat-igg"), Set.of("dat")), 90, false);

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1970-04-12").female();
  }

  private static Truth truth(org.eligo.core.rule.Rule rule, PatientReadResult result) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(result.facts()), AS_OF).truth();
  }

  @Test
  void datResultsAreReadFromCodesTextAndInterpretation() {
    PatientReadResult result = read(adult()
        .coded(Code.loinc("1007-4"), Code.snomed("10828004"), "2026-02-10").id("poly-snomed")
        .coded(Code.loinc("1006-6"), Code.loinc("LA6576-8"), "2026-02-10").id("igg-loinc-answer")
        .observation(Code.loinc("1004-1"), "2026-02-10", o -> o.put("valueString", "NEG")).id("c3-text")
        .bundleJson());
    assertThat(result.facts().codedObservations()).extracting(o -> o.source().id(), o -> o.measure(),
        o -> o.valueConcepts()).containsExactlyInAnyOrder(
            Tuple.tuple("poly-snomed", "dat", Set.of("positive")),
            Tuple.tuple("igg-loinc-answer", "dat-igg", Set.of("positive")),
            Tuple.tuple("c3-text", "dat-c3", Set.of("negative")));
    assertThat(truth(POSITIVE_DAT, result)).isEqualTo(Truth.MET);
    assertThat(truth(IGG, result)).isEqualTo(Truth.MET);
  }

  @Test
  void aGradedValueIsReadByItsInterpretationAndOtherwiseSettlesNothing() {
    PatientReadResult graded = read(adult()
        .observation(Code.loinc("1007-4"), "2026-02-10", o -> {
          o.put("valueString", "2+");
          o.putArray("interpretation").addObject().putArray("coding").addObject()
              .put("system", INTERPRETATION).put("code", "POS");
        }).id("graded")
        .bundleJson());
    assertThat(graded.facts().codedObservations()).extracting(o -> o.valueConcepts())
        .containsExactly(Set.of("positive"));
    assertThat(truth(POSITIVE_DAT, graded)).isEqualTo(Truth.MET);

    PatientReadResult unread = read(adult()
        .observation(Code.loinc("1007-4"), "2026-02-10", o -> o.put("valueString", "2+")).id("graded-only")
        .bundleJson());
    assertThat(unread.facts().codedObservations()).extracting(o -> o.valueConcepts()).containsExactly(Set.of());
    assertThat(truth(POSITIVE_DAT, unread)).as("a value not read is never negative").isEqualTo(Truth.UNKNOWN);
    assertThat(truth(new Not(POSITIVE_DAT), unread)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aNegativePolyspecificDatFailsAPositiveDatAndAnOldOneIsAsked() {
    PatientReadResult negative = read(adult()
        .coded(Code.loinc("1007-4"), Code.snomed("260385009"), "2026-02-10").id("poly-negative")
        .bundleJson());
    assertThat(truth(POSITIVE_DAT, negative)).isEqualTo(Truth.NOT_MET);
    assertThat(truth(IGG, negative)).as("no IgG where the polyspecific reagent finds none").isEqualTo(Truth.NOT_MET);

    PatientReadResult old = read(adult()
        .coded(Code.loinc("1007-4"), Code.snomed("260385009"), "2025-06-10").id("poly-negative-old")
        .bundleJson());
    assertThat(truth(POSITIVE_DAT, old)).isEqualTo(Truth.UNKNOWN);

    PatientReadResult none = read(adult().bundleJson());
    assertThat(truth(POSITIVE_DAT, none)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aC3OnlyDatIsAPositiveDatButNoIggDat() {
    PatientReadResult coldPattern = read(adult()
        .coded(Code.loinc("1006-6"), Code.loinc("LA6577-6"), "2026-02-10").id("igg-negative")
        .observation(Code.loinc("1004-1"), "2026-02-10", o -> o.put("valueString", "Positive")).id("c3-positive")
        .bundleJson());
    assertThat(truth(POSITIVE_DAT, coldPattern)).isEqualTo(Truth.MET);
    assertThat(truth(IGG, coldPattern)).isEqualTo(Truth.NOT_MET);
  }
}
