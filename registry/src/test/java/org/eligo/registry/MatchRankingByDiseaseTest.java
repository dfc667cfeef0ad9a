package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.icd10;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.TrialMatch;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled registry ranks the trials for a patient's own disease first among those with the same standing: a
 * patient with immune thrombocytopenia sees the open ITP trials before the hetrombopag extension study for severe
 * aplastic anemia (NCT04961710), whose criteria never name its disease and so ask fewer questions.
 */
class MatchRankingByDiseaseTest {
  @TempDir
  static Path dir;
  static Registry registry;

  @BeforeAll
  static void open() {
    registry = Registry.open(RegistryConfig.embedded(dir.resolve("data")));
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  private static List<TrialMatch> needsInfo(FhirPatientBuilder patient) {
    MatchReport report = registry.match(new MatchRequest(patient.bundleJson(), List.of(), false,
        LocalDate.of(2026, 1, 15)));
    return report.results().stream().filter(m -> m.verdict() == Verdict.NEEDS_INFO).toList();
  }

  @Test
  void aPatientWithItpSeesTheItpTrialsBeforeAnAplasticAnemiaExtensionStudy() {
    List<TrialMatch> open = needsInfo(FhirPatientBuilder.patient("q").born("1981-02-11").female()
        .condition(icd10("D69.3"), "Immune thrombocytopenic purpura", "2023-02-02"));

    assertThat(open).extracting(m -> m.trial().nctId()).contains("NCT04961710");
    int extension = open.stream().map(m -> m.trial().nctId()).toList().indexOf("NCT04961710");
    assertThat(open.subList(0, extension)).as("every trial before the extension study is for ITP").isNotEmpty()
        .allSatisfy(m -> assertThat(m.studiesAConditionOfThePatient()).as(m.trial().nctId()).isTrue());
    assertThat(open.get(extension).studiesAConditionOfThePatient()).isFalse();
  }

  @Test
  void aTrialStudiesTheConditionsItsRegistryListNames() {
    CriteriaCompiler compiler = CriteriaCompiler.standard();
    assertThat(compiler.studiedConditions(registry.trial("NCT06802055").orElseThrow()))
        .contains("aplastic-anemia");
    assertThat(compiler.studiedConditions(registry.trial("NCT05471050").orElseThrow()))
        .contains("immune-thrombocytopenia");
  }
}
