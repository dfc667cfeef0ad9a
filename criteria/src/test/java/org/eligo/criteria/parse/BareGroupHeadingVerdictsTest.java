package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §88 amended: a bare group word as a line's heading, without "for"/"in" ("Adults: ECOG 0-2; children: Lansky ≥ 50",
 * "Adolescents: weight ≥ 40 kg"), was read as every limit for everyone: a child with an ECOG of 3 on record failed a
 * criterion that holds children to the Lansky scale only.
 */
class BareGroupHeadingVerdictsTest {

  private static Facts born(String date) {
    return Facts.patient("p").sex(Sex.FEMALE).born(date);
  }

  /** A girl of 8 (as of 2026) with an ECOG of 3 recorded and the given Lansky score. */
  private static Facts child(double lansky) {
    return born("2018-01-01").lab("ecog", 3, "{score}", "2026-05-20").lab("lansky", lansky, "{score}", "2026-05-20");
  }

  /** A woman of 40 with the given ECOG and no Lansky score. */
  private static Facts adult(double ecog) {
    return born("1986-01-01").lab("ecog", ecog, "{score}", "2026-05-20");
  }

  @Test
  void eachBareGroupHeadingHoldsItsGroupToItsOwnScoreOnly() {
    for (String sentence : List.of(
        "Adults: ECOG 0-2; children: Lansky ≥ 50",
        "Adults (18 years and older): ECOG performance status ≤ 2 / Children: Lansky play score ≥ 50",
        "Adults: ECOG performance status of 0, 1 or 2. Children: Lansky score of at least 50")) {
      assertThat(inclusion(sentence, child(70))).as(sentence + ": a child of 8, Lansky 70, ECOG 3 (was NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, child(40))).as(sentence + ": a child of 8, Lansky 40")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult(1))).as(sentence + ": a woman of 40, ECOG 1, no Lansky")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult(3))).as(sentence + ": a woman of 40, ECOG 3")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aGroupWhoseAgesVaryByTrialIsAskedNeverHeldOnEveryone() {
    // "Adolescents" is read by the ages every usage agrees on since §91: a woman of 40 is none, so MET; see
    // BareGroupRequirementVerdictsTest
    for (String sentence : List.of("Paediatric patients: body weight ≥ 40 kg",
        "Pediatric patients: body weight of at least 40 kg", "Paediatric participants: weight ≥ 40 kg")) {
      Facts light = born("1986-01-01").lab("body-weight", 38, "kg", "2026-05-20");
      assertThat(inclusion(sentence, light)).as(sentence + ": a woman of 40 at 38 kg (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      Facts heavy = born("2012-01-01").lab("body-weight", 52, "kg", "2026-05-20");
      assertThat(inclusion(sentence, heavy)).as(sentence + ": a girl of 14 at 52 kg").isEqualTo(Truth.MET);
    }
  }

  @Test
  void inTheExclusionListEachGroupIsExcludedOnItsOwnScoreOnly() {
    for (String sentence : List.of("Adults: ECOG ≥ 3; children: Lansky < 50",
        "Adults: ECOG performance status > 2 / Children: Lansky score below 50")) {
      assertThat(exclusion(sentence, child(70))).as(sentence + ": a child of 8, Lansky 70, ECOG 3")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, child(40))).as(sentence + ": a child of 8, Lansky 40").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult(3))).as(sentence + ": a woman of 40, ECOG 3").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, adult(1))).as(sentence + ": a woman of 40, ECOG 1").isEqualTo(Truth.NOT_MET);
    }
  }
}
