package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.hypertensive;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * "Active or latent TB infection" (DECISIONS 74): the word before "or" shares "TB infection", never the bare
 * "infection", which would make the criterion every infection.
 */
class SharedInfectionHeadVerdictsTest {
  static Facts with(String text, String concept) {
    return hypertensive().condition(text, ClinicalStatus.ACTIVE, "2026-05-20", null, coded(concept));
  }

  @Test
  void activeOrLatentTuberculosisInfectionIsTuberculosisNotEveryInfection() {
    Facts covid = with("COVID-19", "covid-19");
    Facts treatedHiv = hypertensive().condition("HIV disease", ClinicalStatus.ACTIVE, "2010-01-01", null,
        coded("hiv-infection"));
    Facts activeTb = with("Pulmonary tuberculosis", "tuberculosis");
    Facts latentTb = with("Latent tuberculosis", "latent-tuberculosis");
    for (String sentence : List.of("Active or latent TB infection", "Active or latent tuberculosis infection",
        "Known active or latent TB infection", "Evidence of active or latent tuberculosis infection")) {
      assertThat(exclusion(sentence, covid)).as(sentence + ": COVID-19 is no tuberculosis").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, treatedHiv)).as(sentence + ": HIV is no tuberculosis").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, activeTb)).as(sentence + ": active tuberculosis").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, latentTb)).as(sentence + ": latent tuberculosis").isEqualTo(Truth.MET);
    }
  }

  @Test
  void anActiveTuberculosisIsNeverAdmittedUnderActiveOrUntreatedLatentTuberculosis() {
    Facts activeTb = with("Pulmonary tuberculosis", "tuberculosis");
    Facts latentTb = with("Latent tuberculosis", "latent-tuberculosis");
    for (String sentence : List.of("Active or untreated latent tuberculosis", "Active or untreated latent TB",
        "Active or untreated latent tuberculosis infection", "Active or inadequately treated latent tuberculosis")) {
      assertThat(exclusion(sentence, activeTb)).as(sentence + ": active tuberculosis is not ruled out")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, latentTb)).as(sentence + ": whether it was treated is asked")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, with("COVID-19", "covid-19"))).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }
}
