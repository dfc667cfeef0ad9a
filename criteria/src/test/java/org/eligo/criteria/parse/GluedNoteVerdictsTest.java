package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Note:", "Comment:", "*Definition:", "Prior therapy:" lines the splitter glues onto the item above them (§88). */
class GluedNoteVerdictsTest {

  private static Facts person(String born, Sex sex) {
    return Facts.patient("p").born(born).sex(sex).condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
        "2024-01-01", null, coded("immune-thrombocytopenia"));
  }

  private static String criteria(String inclusion, String exclusion) {
    return "Inclusion Criteria:\n\n* Diagnosis of ITP\n* " + inclusion + "\n\nExclusion Criteria:\n\n* " + exclusion
        + "\n* Pregnancy\n";
  }

  @Test
  void aNoteThatExemptsOrExplainsLeavesTheItemDecidingOnlyForThePatient() {
    // read whole, the note was an unread part: the item was asked of patients it admits, or of everyone
    for (String layout : new String[] {
        criteria("ECOG performance status 0-2\nNote: ECOG 3 allowed if due to ITP", "Prior splenectomy"),
        criteria("ECOG 0-2\n  Comment: a score of 3 is acceptable when due to bleeding", "Prior splenectomy"),
        criteria("ECOG ≤ 2\n\n*Definition: a score of 3 may be accepted after discussion with the sponsor",
            "Prior splenectomy")}) {
      Facts fit = person("1980-01-01", Sex.MALE).lab("ecog", 1, "{score}", "2026-05-20");
      Facts unfit = person("1980-01-01", Sex.MALE).lab("ecog", 3, "{score}", "2026-05-20");
      assertThat(compiled(layout, fit).get("inc-2")).as(layout + ": ECOG 1").isEqualTo(Truth.MET);
      assertThat(compiled(layout, unfit).get("inc-2")).as(layout + ": ECOG 3, which the note may allow")
          .isEqualTo(Truth.UNKNOWN);
    }
    // an exception glued onto an exclusion: a patient without the item is not excluded, one with it is asked
    for (String layout : new String[] {
        criteria("Platelet count < 30 x 10^9/L", "Prior splenectomy\nNote: patients splenectomized more than 12 "
            + "months ago are eligible"),
        criteria("Platelet count < 30 x 10^9/L", "Prior splenectomy\n  Comment: splenectomy for trauma is allowed"),
        criteria("Platelet count < 30 x 10^9/L", "Prior splenectomy\nNB: unless performed > 1 year before "
            + "screening")}) {
      Facts none = person("1980-01-01", Sex.MALE).procedure("Cholecystectomy", "2020-01-01", "cholecystectomy");
      Facts splenectomized = person("1980-01-01", Sex.MALE).procedure("Splenectomy", "2020-01-01",
          coded("splenectomy"));
      assertThat(compiled(layout, none).get("exc-1")).as(layout + ": no splenectomy (was asked)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(layout, splenectomized).get("exc-1")).as(layout + ": splenectomy in 2020, maybe exempt")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aNoteThatIsARequirementOfItsOwnIsReadOnItsOwn() {
    // "Note: adolescents (12-17 years) must weigh at least 40 kg" under an age limit: the adolescents' requirement
    // binds adolescents only; read whole, an adult was asked and a light adolescent not excluded
    for (String note : new String[] {"Note: Adolescents (12 to 17 years) must weigh at least 40 kg",
        "NOTE: Patients aged 12-17 years must have a body weight ≥ 40 kg",
        "Comment: Adolescents aged 12 to 17 years must weigh ≥ 40 kg"}) {
      String layout = criteria("Platelet count < 30 x 10^9/L", "Age < 12 years\n" + note);
      Facts adult = person("1980-01-01", Sex.FEMALE).lab("body-weight", 38, "kg", "2026-05-20");
      Facts lightTeen = person("2012-01-01", Sex.MALE).lab("body-weight", 35, "kg", "2026-05-20");
      Facts child = person("2018-01-01", Sex.MALE).lab("body-weight", 25, "kg", "2026-05-20");
      assertThat(compiled(layout, adult).get("exc-1")).as(note + ": a woman of 46 of 38 kg").isEqualTo(Truth.NOT_MET);
      assertThat(compiled(layout, lightTeen).get("exc-1")).as(note + ": a boy of 14 of 35 kg").isEqualTo(Truth.MET);
      assertThat(compiled(layout, child).get("exc-1")).as(note + ": a boy of 8").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aNoteWrittenAsAnItemOfItsOwnIsReadForWhatItSays() {
    // "Note:" before a sentence of its own left it unread: asked of everyone
    Facts onWarfarin = person("1980-01-01", Sex.MALE).medication("Warfarin 5 mg", "2026-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin"));
    Facts onNothing = person("1980-01-01", Sex.MALE).medication("Paracetamol", "2026-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, "paracetamol");
    for (String item : new String[] {"NB: Patients on warfarin are excluded", "Note: current warfarin therapy",
        "* Comment: Patients receiving warfarin are not eligible"}) {
      String layout = criteria("Platelet count < 30 x 10^9/L", "Prior splenectomy.\n\n" + item);
      assertThat(compiled(layout, onWarfarin).get("exc-2")).as(item + ": a man on warfarin").isEqualTo(Truth.MET);
      assertThat(compiled(layout, onNothing).get("exc-2")).as(item + ": a man on no anticoagulant")
          .isEqualTo(Truth.NOT_MET);
    }
    // a note that grants is confirmed at screening, never an exclusion of those it names
    String grant = criteria("Platelet count < 30 x 10^9/L",
        "Prior splenectomy.\n\nNote: patients splenectomized more than 12 months ago are eligible");
    Facts splenectomized = person("1980-01-01", Sex.MALE).procedure("Splenectomy", "2020-01-01", coded("splenectomy"));
    assertThat(compiled(grant, splenectomized).get("exc-2")).as("a splenectomy in 2020").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aNoteThatSetsSomethingOutsideTheExclusionIsNeverSetAside() {
    // such a note is confirmed at screening when read alone; set aside beside the item, the exclusion had excluded
    // the patients the note exempts
    Facts thrombosis = person("1980-01-01", Sex.MALE).condition("Superficial thrombophlebitis of the leg",
        ClinicalStatus.RESOLVED, "2023-01-01", "2023-03-01", coded("deep-vein-thrombosis"));
    Facts none = person("1980-01-01", Sex.MALE).condition("Essential hypertension", ClinicalStatus.ACTIVE,
        "2015-01-01", null, coded("hypertension"));
    for (String note : new String[] {"Comment: superficial thrombophlebitis is not exclusionary",
        "Note: Catheter-related thrombosis does not count", "NB: superficial vein thrombosis is not considered an "
        + "exclusion"}) {
      String layout = criteria("Platelet count < 30 x 10^9/L", "History of thrombosis\n" + note);
      assertThat(compiled(layout, thrombosis).get("exc-1")).as(note + ": a thrombophlebitis the note may exempt")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(layout, none).get("exc-1")).as(note + ": no thrombosis").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aBareLimitInANoteMayBeAnAlternativeAndNeverFailsAPatientTheItemAdmits() {
    // read on its own beside the item it had required both scales: a patient with ECOG 1 and Karnofsky 60 failed
    Facts ecogOne = person("1990-01-01", Sex.FEMALE).lab("ecog", 1, "{score}", "2026-05-20")
        .lab("karnofsky", 60, "{score}", "2026-05-20");
    Facts ecogThree = person("1990-01-01", Sex.FEMALE).lab("ecog", 3, "{score}", "2026-05-20")
        .lab("karnofsky", 40, "{score}", "2026-05-20");
    for (String note : new String[] {"Note: Karnofsky ≥ 70 for patients > 16 years",
        "Comment: Karnofsky performance status ≥ 70", "NB: KPS ≥ 70 in patients older than 16"}) {
      String layout = criteria("ECOG 0-1\n" + note, "Prior splenectomy");
      assertThat(compiled(layout, ecogOne).get("inc-2")).as(note + ": ECOG 1, Karnofsky 60").isEqualTo(Truth.MET);
      assertThat(compiled(layout, ecogThree).get("inc-2")).as(note + ": ECOG 3, Karnofsky 40, asked")
          .isEqualTo(Truth.UNKNOWN);
    }
  }
}
