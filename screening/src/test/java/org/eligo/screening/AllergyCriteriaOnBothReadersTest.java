package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Criterion;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.bulk.SupportedType;
import org.eligo.screening.read.FastPatientReader;
import org.eligo.screening.read.PatientRecordReader;
import org.junit.jupiter.api.Test;

/**
 * An AllergyIntolerance to the drug an exclusion names meets "Known allergy or intolerance to eculizumab" and "allergic
 * reaction to compounds of similar chemical composition to eltrombopag", read by the FHIR (HAPI) reader and the
 * screening's fast reader alike (DECISIONS §35).
 */
class AllergyCriteriaOnBothReadersTest {
  private static final String TEXT = "Exclusion Criteria:\n\n* Known allergy or intolerance to eculizumab\n"
      + "* History of allergic reaction to compounds of similar chemical composition to eltrombopag\n";

  private static String allergy(String drug) {
    return "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a1\",\"clinicalStatus\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical\",\"code\":\"active\"}]},"
        + "\"verificationStatus\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification\",\"code\":\"confirmed\"}]},"
        + "\"code\":{\"text\":\"" + drug + "\"},\"patient\":{\"reference\":\"Patient/p1\"}}";
  }

  /** Each criterion's truth for the patient, as each reader reads the record (the fast one where it reads it). */
  private static List<Map<String, Truth>> truths(String allergyJson) {
    PatientLines lines = new PatientLines("p1", List.of(
        new BucketRecord("p1", SupportedType.Patient, 0, 1,
            "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\",\"birthDate\":\"1970-05-01\"}"),
        new BucketRecord("p1", SupportedType.AllergyIntolerance, 1, 1, allergyJson)));
    List<String> names = List.of("Patient.ndjson", "AllergyIntolerance.ndjson");
    PatientFacts hapi = PatientRecordReader.bundled(PatientRecordReader.Mode.HAPI).read(lines, Populations.AS_OF, names)
        .facts();
    Optional<PatientFacts> fast = new FastPatientReader(TerminologyAdapter.bundled()).read(lines, Populations.AS_OF);
    assertThat(fast).as("the fast reader reads this allergy").isPresent();
    List<Criterion> criteria = CriteriaCompiler.standard().parse("NCT0", TEXT).criteria();
    return List.of(hapi, fast.orElseThrow()).stream().map(facts -> criteria.stream().collect(Collectors.toMap(
        Criterion::text, c -> RuleEvaluator.evaluate(c.rule(), PatientIndex.of(facts),
            new EvaluationContext(Populations.AS_OF)).truth()))).toList();
  }

  @Test
  void anAllergyToTheNamedDrugMeetsTheExclusionOnBothReaders() {
    for (Map<String, Truth> t : truths(allergy("Eculizumab"))) {
      assertThat(t.get("Known allergy or intolerance to eculizumab")).as("allergy to eculizumab (had been asked)")
          .isEqualTo(Truth.MET);
    }
    for (Map<String, Truth> t : truths(allergy("Eltrombopag"))) {
      assertThat(t.get("History of allergic reaction to compounds of similar chemical composition to eltrombopag"))
          .as("allergy to eltrombopag itself (had passed)").isEqualTo(Truth.MET);
    }
  }
}
