package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.bulk.BulkLineError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EHR exports name drugs through {@code medicationReference} to a shared {@code Medication.ndjson}: screening resolves
 * them, so a prescription counts as the drug it names, and a bad Medication line is reported like any other.
 */
class SharedMedicationsTest {
  private static final String SIROLIMUS_TRIAL = "NCT99000001";
  /** A trial whose one criterion is about sirolimus, so nothing else decides the verdict. */
  private static final MatchCandidate TRIAL = trial("Exclusion Criteria:\n"
      + "- Prior use of sirolimus within 12 weeks of study entry");

  @TempDir
  Path tmp;

  @Test
  void aPrescriptionOfASharedMedicationCountsAsTheDrugItNames() throws IOException {
    Path input = export(tmp.resolve("in"));
    Files.writeString(input.resolve("Medication.ndjson"), String.join("\n",
        "{\"resourceType\":\"Medication\",\"id\":\"med-1\",\"code\":{\"coding\":[{\"system\":"
            + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"314230\"}]}}",
        "{\"resourceType\":\"Medication\",\"code\":{\"text\":\"no id\"}}",
        "{not json") + "\n");

    ScreeningSummary s = screen(input, "with");

    assertThat(ineligible(s)).isEqualTo(1);
    assertThat(s.patients()).isEqualTo(1);
    assertThat(s.firstUnreadable()).containsExactlyInAnyOrder(
        new BulkLineError("Medication.ndjson", 2, "Medication has no valid id, so nothing can refer to it"),
        new BulkLineError("Medication.ndjson", 3, "not JSON: the line is not a JSON object"));
  }

  @Test
  void withoutTheSharedMedicationThePrescriptionCannotExclude() throws IOException {
    ScreeningSummary s = screen(export(tmp.resolve("in")), "without");

    assertThat(ineligible(s)).isZero();
    assertThat(s.patients()).isEqualTo(1);
    assertThat(s.trials().getFirst().needsInfo()).isEqualTo(1);
  }

  /** One adult with a current prescription of Medication/med-1 and nothing else. */
  private static Path export(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":"
        + "\"female\",\"birthDate\":\"1980-04-02\"}\n");
    Files.writeString(dir.resolve("MedicationRequest.ndjson"), "{\"resourceType\":\"MedicationRequest\",\"id\":"
        + "\"mr-1\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p1\"},"
        + "\"authoredOn\":\"2026-05-01\",\"medicationReference\":{\"reference\":\"Medication/med-1\"}}\n");
    return dir;
  }

  private ScreeningSummary screen(Path input, String out) {
    return PopulationScreening.run(ScreeningRequest.of(input, tmp.resolve(out), List.of(TRIAL), Populations.AS_OF),
        ScreeningListener.NONE);
  }

  private static MatchCandidate trial(String criteria) {
    Trial trial = new Trial(new Identification(SIROLIMUS_TRIAL, List.of(), null, List.of(), "Sirolimus-naive study",
        null, null, null), null, null, null, null, null, null, null, null,
        new Eligibility(criteria, null, null, null, null, null, null, List.of(), null, null),
        null, null, null, null, null, null);
    return new MatchCandidate(trial, CriteriaCompiler.standard().compile(trial));
  }

  private static long ineligible(ScreeningSummary s) {
    return s.trials().stream().filter(t -> t.nctId().equals(SIROLIMUS_TRIAL)).findFirst().orElseThrow().ineligible();
  }
}
