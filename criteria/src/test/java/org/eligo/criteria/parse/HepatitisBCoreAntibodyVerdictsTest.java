package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.patient.InfectionResult.Finding.EXPOSED;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.hypertensive;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * "Positive anti-HBc", "Hepatitis B core antibody positive" (DECISIONS 74): the latest anti-HBc result in the record
 * answers the criterion; it was asked of every patient, whatever the record showed.
 */
class HepatitisBCoreAntibodyVerdictsTest {
  static Facts antiHbc(Facts f, boolean positive, String date) {
    return f.viralLoad("hbv-core-antibody", positive ? "Anti-HBc: Reactive" : "Anti-HBc: Negative",
        ViralLoad.of(positive ? ViralLoad.Virus.DETECTED : ViralLoad.Virus.NOT_DETECTED), positive ? EXPOSED : null,
        date, "hepatitis-b", "infection");
  }

  @Test
  void aPositiveAntiHbcIsReadFromTheLatestResult() {
    for (String sentence : List.of("Positive anti-HBc", "Hepatitis B core antibody positive", "Anti-HBc positive",
        "HBcAb positive", "Positive hepatitis B core antibody (anti-HBc)")) {
      assertThat(exclusion(sentence, antiHbc(hypertensive(), true, "2026-03-10"))).as(sentence + ": reactive")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, antiHbc(hypertensive(), false, "2026-03-10"))).as(sentence + ": negative")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, hypertensive())).as(sentence + ": never tested").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult())).as(sentence + ": nothing on record").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, antiHbc(hypertensive(), false, "2024-03-10"))).as(sentence + ": negative two "
          + "years ago").isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Negative anti-HBc", antiHbc(hypertensive(), false, "2026-03-10"))).isEqualTo(Truth.MET);
    assertThat(inclusion("Negative anti-HBc", antiHbc(hypertensive(), true, "2026-03-10"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Positive IgM anti-HBc", antiHbc(hypertensive(), true, "2026-03-10")))
        .as("IgM, a recent infection: the total antibody does not say").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aNegativeAntiHbcIsNotExcludedUnderAnExceptionOnHbvDna() {
    assertThat(exclusion("Positive anti-HBc unless HBV DNA is undetectable",
        antiHbc(hypertensive(), false, "2026-03-10"))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Positive anti-HBc unless HBV DNA is undetectable",
        antiHbc(hypertensive(), true, "2026-03-10"))).as("reactive, no HBV DNA on record").isEqualTo(Truth.UNKNOWN);
  }
}
