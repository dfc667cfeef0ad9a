package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** Age, sex, reproduction and body-size criteria read the way unseen trials write them (§58). */
class AgeSexReproductionVerdictsTest {

  private static Facts person(String born, Sex sex) {
    return Facts.patient("p").born(born).sex(sex).condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
        "2024-01-01", null, coded("immune-thrombocytopenia"));
  }

  @Test
  void anAgeThatIsSomeoneElsesIsNotThePatients() {
    Facts girl = person("2016-03-01", Sex.FEMALE); // 10, in a paediatric trial whose caregiver or donor is the adult
    Facts boy = person("2022-05-01", Sex.MALE); // 4
    for (String sentence : List.of("Caregiver aged 18 years or older able to complete the diary",
        "Caregivers must be at least 18 years old", "Sibling donor aged 18 to 60 years",
        "Parent or legal guardian aged 18 years or older must accompany the child", "Age of the donor ≥ 18 years")) {
      assertThat(inclusion(sentence, girl)).as(sentence + ": a girl of 10 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, boy)).as(sentence + ": a boy of 4").isEqualTo(Truth.UNKNOWN);
    }
    Facts woman = person("1990-01-01", Sex.FEMALE);
    assertThat(inclusion("Donor age ≤ 60 years", person("1950-01-01", Sex.MALE)))
        .as("a man of 76 whose donor's age is asked (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Donor age > 60 years", person("1950-01-01", Sex.MALE)))
        .as("a man of 76: his donor's age is not his").isEqualTo(Truth.UNKNOWN);
    // the patient's own age beside a donor's is still read
    assertThat(exclusion("Patients aged 18 years or older with a sibling donor aged 18 to 60 years", girl))
        .as("a girl of 10 is not the adult patient the sentence names").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Age ≥ 18 years", woman)).isEqualTo(Truth.MET);
    assertThat(inclusion("Age ≥ 18 years", girl)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAgeOtherThanTheAgeSinceBirthIsAsked() {
    Facts infant = Facts.patient("i").born("2025-09-15").sex(Sex.FEMALE)
        .lab("body-weight", 7, "kg", "2026-05-20"); // 8 months old, perhaps born at 28 weeks
    for (String sentence : List.of("Gestational age < 32 weeks at birth",
        "Gestational age at birth between 24 and 32 weeks", "Postmenstrual age ≤ 44 weeks",
        "Corrected age < 6 months", "Bone age < 14 years")) {
      assertThat(inclusion(sentence, infant)).as(sentence + ": an infant of 8 months (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Age < 12 months", infant)).as("her age since birth is still read").isEqualTo(Truth.MET);
  }

  @Test
  void anAgeAtAPastEventWrittenAfterItIsNotTheAgeNow() {
    Facts adultDiagnosedAsAChild = Facts.patient("a").born("1996-01-01").sex(Sex.FEMALE).condition(
        "Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2008-01-01", null, coded("immune-thrombocytopenia"))
        .procedure("Allogeneic hematopoietic stem cell transplantation", "2014-01-01", "hematopoietic-stem-cell-transplantation");
    for (String sentence : List.of("Less than 18 years old at ITP diagnosis", "Age ≤ 21 years at transplant",
        "Age ≤ 21 years at HSCT", "Younger than 18 years when diagnosed with ITP")) {
      assertThat(inclusion(sentence, adultDiagnosedAsAChild))
          .as(sentence + ": a woman of 30 diagnosed at 12, transplanted at 18 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    Facts child = person("2016-03-01", Sex.FEMALE);
    for (String sentence : List.of("Age ≥ 18 years at the time of signing informed consent",
        "Aged 18 to 65 years at enrollment", "Age 18 years or older at screening")) {
      assertThat(inclusion(sentence, child)).as(sentence + ": a girl of 10, the age now").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aPregnancyOfThePastIsNoPregnancyNow() {
    Facts womanOf70 = person("1956-01-01", Sex.FEMALE); // never asked whether pregnant: taken as not pregnant
    Facts womanOf34 = person("1992-01-01", Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts pregnant = person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-05-25");
    for (String sentence : List.of("History of pregnancy loss", "Prior pregnancy morbidity",
        "Pre-eclampsia in a previous pregnancy", "At least one prior pregnancy",
        "Pregnancy-related complications in a previous pregnancy")) {
      assertThat(inclusion(sentence, womanOf70)).as(sentence + ": a woman of 70 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, womanOf34)).as(sentence + ": a woman of 34 not pregnant now (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // a pregnancy now is still read
    for (String sentence : List.of("Pregnant or breastfeeding women", "Current pregnancy", "Pregnancy or lactation")) {
      assertThat(exclusion(sentence, pregnant)).as(sentence + ": pregnant now").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, womanOf70)).as(sentence + ": a woman of 70").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aBodyMassIndexIsComputedFromTheWeightAndHeightTheRecordHolds() {
    // 90.7 kg (200 lb) and 165 cm (65 in): BMI 33.3; 100 kg: 36.7
    Facts woman = person("1990-01-01", Sex.FEMALE).lab("body-weight", 90.7, "kg", "2026-05-20")
        .lab("body-height", 165, "cm", "2024-02-01");
    Facts heavier = person("1990-01-01", Sex.FEMALE).lab("body-weight", 100, "kg", "2026-05-20")
        .lab("body-height", 165, "cm", "2026-05-20");
    for (String sentence : List.of("BMI ≤ 35 kg/m²", "Body mass index (BMI) ≥ 18.5 and ≤ 35 kg/m2",
        "BMI between 18 and 35")) {
      assertThat(inclusion(sentence, woman)).as(sentence + ": BMI 33.3 (had been UNKNOWN)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, heavier)).as(sentence + ": BMI 36.7").isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("BMI > 40 kg/m2", woman)).as("BMI 33.3 (had been UNKNOWN)").isEqualTo(Truth.NOT_MET);
    // a stale weight gives a stale BMI: asked, never decided
    Facts staleWeight = person("1990-01-01", Sex.FEMALE).lab("body-weight", 130, "kg", "2023-11-20")
        .lab("body-height", 165, "cm", "2023-11-20");
    assertThat(inclusion("BMI ≤ 35 kg/m²", staleWeight)).as("a weight of 2023").isEqualTo(Truth.UNKNOWN);
    // a child's height must be recent: she grows
    Facts girl = Facts.patient("g").born("2014-01-01").sex(Sex.FEMALE).lab("body-weight", 50, "kg", "2026-05-20")
        .lab("body-height", 120, "cm", "2022-05-01");
    assertThat(inclusion("BMI ≤ 30 kg/m²", girl)).as("a girl of 12, height from when she was 8")
        .isEqualTo(Truth.UNKNOWN);
    // the record's own BMI stands
    Facts reported = person("1990-01-01", Sex.FEMALE).lab("body-weight", 90.7, "kg", "2026-05-20")
        .lab("body-height", 165, "cm", "2026-05-20").lab("bmi", 36, "kg/m2", "2026-05-20");
    assertThat(inclusion("BMI ≤ 35 kg/m²", reported)).as("the record's BMI 36").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aBreastfeedingEntryBegunMoreThanTwoYearsAgoIsAskedNotExcludedOn() {
    Facts oldEntry = person("1992-01-01", Sex.FEMALE).condition("Breastfeeding", ClinicalStatus.ACTIVE, "2023-06-01",
        null, "lactation"); // her child is three: an entry perhaps never closed
    Facts recentEntry = person("1992-01-01", Sex.FEMALE).condition("Breastfeeding", ClinicalStatus.ACTIVE,
        "2025-09-01", null, "lactation");
    Facts oldEntryAnsweredSince = person("1992-01-01", Sex.FEMALE).condition("Breastfeeding", ClinicalStatus.ACTIVE,
        "2023-06-01", null, "lactation").coded("lactation-status", "not-lactating", "2026-05-20")
        .coded("pregnancy-status", "not-pregnant", "2026-05-20");
    for (String sentence : List.of("Pregnant or breastfeeding women", "Lactating women", "Breast-feeding",
        "Pregnancy or lactation")) {
      assertThat(exclusion(sentence, oldEntry)).as(sentence + ": breastfeeding since 2023 (had been MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, recentEntry)).as(sentence + ": breastfeeding since 2025-09").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, oldEntryAnsweredSince)).as(sentence + ": statuses of May say she is neither")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aPartnersPregnancyIsNotThePatients() {
    Facts man = person("1970-01-01", Sex.MALE);
    for (String sentence : List.of("Male patients with a pregnant partner", "Men whose partners are pregnant",
        "Male patients whose female partner is pregnant or breastfeeding")) {
      assertThat(inclusion(sentence, man)).as(sentence + ": a man of 56 (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, man)).as(sentence + ": a man of 56, whose partner may be").isEqualTo(Truth.UNKNOWN);
    }
    String both = "Pregnant or breastfeeding women, or male patients with pregnant partners";
    assertThat(exclusion(both, person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-05-25")))
        .as("a pregnant woman").isEqualTo(Truth.MET);
    assertThat(exclusion(both, man)).as("a man whose partner may be pregnant").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aLowerAgeLimitThatHoldsOnlyWhereLocalRulesAllowIsAskedOfThoseItAdmits() {
    Facts adult = person("1990-01-01", Sex.FEMALE);
    Facts seventeen = person("2008-09-01", Sex.MALE);
    Facts child = person("2016-03-01", Sex.FEMALE);
    for (String sentence : List.of("Age ≥ 18 years (or ≥ 16 years in countries where permitted)",
        "Age ≥ 18 years or ≥ 16 years with parental consent",
        "Aged ≥ 18 years, or ≥ 12 years if approved by local regulations")) {
      assertThat(inclusion(sentence, adult)).as(sentence + ": a woman of 36 (had been UNKNOWN)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, seventeen)).as(sentence + ": a boy of 17, asked").isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Age ≥ 18 years or ≥ 16 years with parental consent", child)).as("a girl of 10")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAgeAtAPastEventWrittenBeforeTheLimitIsNotTheAgeNow() {
    // a woman of 30 diagnosed at 12 and transplanted at 18; a man of 56; a woman of 70
    Facts transplantedAsAChild = Facts.patient("a").born("1996-01-01").sex(Sex.FEMALE).condition(
        "Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2008-01-01", null, coded("immune-thrombocytopenia"))
        .procedure("Allogeneic hematopoietic stem cell transplantation", "2014-01-01",
            "hematopoietic-stem-cell-transplantation");
    for (String sentence : List.of("Age at transplant ≤ 21 years", "Age at HSCT < 18 years",
        "Age at time of transplant ≤ 21 years", "Age at transplant: 2 to 21 years")) {
      assertThat(inclusion(sentence, transplantedAsAChild))
          .as(sentence + ": a woman of 30 transplanted at 18 (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Age at symptom onset ≤ 40 years", person("1970-01-01", Sex.MALE)))
        .as("a man of 56 whose symptoms may have begun at 30 (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Age at relapse ≤ 65 years", person("1956-01-01", Sex.FEMALE)))
        .as("a woman of 70 who may have relapsed at 60 (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
    // an age at the screening visit is the age now, as before
    Facts girl = person("2016-03-01", Sex.FEMALE);
    assertThat(inclusion("Age ≥ 18 years", girl)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Age at screening ≥ 18 years", girl)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Age 18–65 years at screening", person("1990-01-01", Sex.FEMALE))).isEqualTo(Truth.MET);
  }

  @Test
  void aPregnancyAVerbPutsInThePastIsNoPregnancyNow() {
    Facts womanOf34 = person("1992-01-01", Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts womanOf70 = person("1956-01-01", Sex.FEMALE);
    for (String sentence : List.of("Females who have had a pregnancy", "Women who have ever been pregnant",
        "Women who had a pregnancy within the last 2 years", "Women who were pregnant during the previous year")) {
      assertThat(inclusion(sentence, womanOf34)).as(sentence + ": a woman of 34 not pregnant now (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, womanOf70)).as(sentence + ": a woman of 70 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // a pregnancy now is still read
    Facts pregnant = person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-05-25");
    for (String sentence : List.of("Women who are pregnant", "Pregnant or breastfeeding women",
        "Pregnant or lactating women")) {
      assertThat(exclusion(sentence, pregnant)).as(sentence + ": pregnant now").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, womanOf34)).as(sentence + ": not pregnant now").isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, person("1970-01-01", Sex.MALE))).as(sentence + ": a man")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void anInfantsBreastfeedingOrOneThatEndedIsNotThePatientsLactationNow() {
    Facts infant = Facts.patient("i").born("2025-09-15").sex(Sex.FEMALE)
        .lab("body-weight", 7, "kg", "2026-05-20"); // 8 months old
    for (String sentence : List.of("Exclusively breast-fed infants", "Infants who are breastfed",
        "Infants currently breastfeeding", "Breastfeeding infants aged 1 to 12 months")) {
      assertThat(inclusion(sentence, infant)).as(sentence + ": an infant of 8 months (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    Facts weaned = person("1992-01-01", Sex.FEMALE).coded("lactation-status", "not-lactating", "2026-05-25");
    for (String sentence : List.of("Women who stopped breastfeeding less than 3 months ago",
        "Women who have discontinued breastfeeding", "Mothers who ceased lactation within the past 6 weeks")) {
      assertThat(inclusion(sentence, weaned)).as(sentence + ": a woman not breastfeeding now (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // breastfeeding now is still read
    Facts nursing = person("1992-01-01", Sex.FEMALE).coded("lactation-status", "lactating", "2026-05-25");
    for (String sentence : List.of("Breastfeeding women", "Women who are breastfeeding",
        "Lactating women")) {
      assertThat(exclusion(sentence, nursing)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, weaned)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void anAgeAtTheMomentTheStudyStartsIsTheAgeNow() {
    // the moment's words left unread ("consent", "registration", "Age" before "at enrollment"), every adult was asked
    Facts adult = person("1970-01-01", Sex.MALE);
    Facts child = person("2016-03-01", Sex.FEMALE);
    for (String sentence : List.of("Age 18 years or older at time of consent", "Aged 18 years or older on the date of "
        + "consent", "Age ≥ 18 years at time of registration", "Age at consent ≥ 18 years", "Age at enrollment 18-65 "
        + "years", "18 years of age or older at Visit 1", "Age ≥ 18 years at the time of signing the informed consent "
        + "form (ICF)", "Aged ≥ 18 years at informed consent", "Age at informed consent ≥ 18 years and ≤ 75 years",
        "≥ 18 years of age on the day of signing informed consent")) {
      assertThat(inclusion(sentence, adult)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, child)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    // a past event is still not now (DECISIONS 58, 62)
    assertThat(inclusion("Age at transplant ≤ 21 years", adult)).isEqualTo(Truth.UNKNOWN);
  }
  @Test
  void anAgeAtTheMomentAnotherStudyStartedIsNotTheAgeNow() {
    // a rollover study: the patient of 19 enrolled in the parent study at 17 (had been NOT_MET, the age read as now)
    Facts nineteen = person("2007-03-01", Sex.MALE);
    for (String sentence : List.of("Aged 6 to 17 years at registration to the prior study",
        "Age 2 to 17 years at the time of enrollment in study ABC-001", "Age 12 to 17 years at time of consent in "
        + "the previous trial", "Aged 12 to 17 years on Day 1 of the parent study", "Age < 18 years at baseline in "
        + "the core study", "Age at enrollment into the parent study 12-17 years", "Age 2 to 21 years at enrollment on "
        + "COG ALL study")) {
      assertThat(inclusion(sentence, nineteen)).as(sentence + ": a man of 19 who enrolled at 17")
          .isEqualTo(Truth.UNKNOWN);
    }
    // this study's own moment is still the age now
    Facts child = person("2016-03-01", Sex.FEMALE);
    for (String sentence : List.of("Age 18 to 65 years at entry into this study", "Aged 18 to 65 years at the time of "
        + "consent for participation in the study", "Age at enrollment 18-65 years")) {
      assertThat(inclusion(sentence, child)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, person("1970-01-01", Sex.MALE))).as(sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void anAgeLimitWrittenForWomenNeverFailsAMan() {
    // read as everyone's age, a man of 56 failed each in a trial open to both sexes (and men of 60 were excluded)
    Facts man = person("1970-01-01", Sex.MALE); // 56
    Facts woman = person("1996-01-01", Sex.FEMALE); // 30
    Facts olderWoman = person("1971-01-01", Sex.FEMALE); // 55
    for (String sentence : List.of("Women aged 18 to 45 years", "Female patients aged 18-45 years",
        "Non-pregnant women aged 18 to 45 years", "Non-pregnant females below 50 years of age with ITP")) {
      assertThat(inclusion(sentence, man)).as(sentence).isEqualTo(Truth.UNKNOWN);
      // her record says nothing of a pregnancy: where the sentence denies one, that is asked
      assertThat(inclusion(sentence, woman)).as(sentence)
          .isEqualTo(sentence.startsWith("Non-pregnant") ? Truth.UNKNOWN : Truth.MET);
      assertThat(inclusion(sentence, olderWoman)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Male or female patients aged 18 to 45 years", man)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Women older than 50 years", person("1966-01-01", Sex.MALE))).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Women older than 50 years", olderWoman)).isEqualTo(Truth.MET);
  }

  @Test
  void anAgeOfAChildTheWomanHasIsNotHers() {
    // read as her own age, every mother of 30 failed each (§66)
    Facts mother = person("1996-01-01", Sex.FEMALE); // 30
    for (String sentence : List.of("Women with children aged 2 to 17 years", "Mothers of infants aged < 6 months",
        "Women caring for a child aged 2-12 years", "Female caregivers of a child aged ≤ 5 years",
        "Women who have a baby aged less than 12 months")) {
      assertThat(inclusion(sentence, mother)).as(sentence + ": a mother of 30 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // the child who is the patient is still read
    Facts girl = person("2016-03-01", Sex.FEMALE); // 10
    for (String sentence : List.of("Children aged 2 to 17 years", "A child aged 2-17 years with ITP",
        "Children with ITP aged 2 to 17 years")) {
      assertThat(inclusion(sentence, girl)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, mother)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void anAgeWrittenForAnotherGroupJoinedAfterTheWomenBindsEveryone() {
    // the age binds the patients named after the women, not the women: a boy of 10 was not excluded (§66)
    Facts boy = person("2016-01-01", Sex.MALE); // 10
    Facts man = person("1970-01-01", Sex.MALE); // 56
    for (String sentence : List.of("Women who are pregnant, or patients aged < 18 years",
        "Pregnant or breastfeeding women, or participants aged less than 18 years",
        "Women who are breastfeeding, or subjects under 18 years of age")) {
      assertThat(exclusion(sentence, boy)).as(sentence + ": a boy of 10 (had been NOT_MET)").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, man)).as(sentence + ": a man of 56").isEqualTo(Truth.NOT_MET);
    }
    // an age written for women alone still binds only them
    assertThat(exclusion("Women older than 50 years", man)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAgeOfChildrenTheParentHasIsNotTheParentsWhenTheAgeBeginsWithTheChild() {
    // "children aged", "children under": the age's own words begin with the child, the "of"/"with" is before them;
    // a parent of 30 or 56 in a caregiver trial had failed (§69)
    Facts mother = person("1996-01-01", Sex.FEMALE); // 30
    Facts father = person("1970-01-01", Sex.MALE); // 56
    for (String sentence : List.of("Parents of children aged < 12 years", "Patients who have children aged < 5 years",
        "Women with children younger than 5 years", "Mothers of children under 6 years of age",
        "Parents or guardians of children aged less than 18 years")) {
      assertThat(inclusion(sentence, mother)).as(sentence + ": a mother of 30 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, father)).as(sentence + ": a father of 56 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // children who are the patients are still read
    Facts boy = person("2016-01-01", Sex.MALE); // 10
    assertThat(inclusion("Children under 12 years of age", boy)).isEqualTo(Truth.MET);
    assertThat(inclusion("Children under 12 years of age", mother)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Children younger than 6 years", boy)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void womenJoinedBeforeAnotherGroupsAgeAreAnAlternativeTheAgeDoesNotBind() {
    // "Women, or adults aged ≥ 65 years": the women are one group, the adults of 65 another; a woman of 30 had failed
    // (§69)
    Facts woman = person("1996-01-01", Sex.FEMALE); // 30
    Facts man = person("1996-01-01", Sex.MALE); // 30
    Facts olderWoman = person("1956-01-01", Sex.FEMALE); // 70
    for (String sentence : List.of("Women, or adults aged ≥ 65 years", "Women or patients aged ≥ 65 years",
        "Women and patients aged 65 years or older", "Women (and adolescent girls aged 12 to 17 years)")) {
      assertThat(inclusion(sentence, woman)).as(sentence + ": a woman of 30 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Women, or adults aged ≥ 65 years", man)).as("a man of 30 is neither")
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Women, or adults aged ≥ 65 years", olderWoman)).isEqualTo(Truth.MET);
    // in the exclusion list a child, minor or adolescent joined after the women is excluded by the age
    Facts boy = person("2016-01-01", Sex.MALE); // 10
    assertThat(exclusion("Female patients who are pregnant or children under 12 years of age", boy))
        .as("a boy of 10 (had been NOT_MET)").isEqualTo(Truth.MET);
    for (String sentence : List.of("Women who are pregnant, or minors aged < 18 years",
        "Women of childbearing potential, or adolescents aged < 16 years")) {
      assertThat(exclusion(sentence, boy)).as(sentence + ": a boy of 10 is not cleared (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Women older than 50 years", man)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAgeOfTheChildAfterItsConditionOrOfAParentWhoIsAgedIsNotThePatients() {
    // "Parent of a child with ITP aged 1 to 17 years": the age after the child's condition is still the child's; a
    // parent of 30 had failed. "Children with ITP whose parents are aged ≥ 18 years": a girl of 10 had failed (§69)
    Facts parent = person("1996-01-01", Sex.FEMALE); // 30
    for (String sentence : List.of("Parent of a child with ITP aged 1 to 17 years",
        "Mothers of infants with sickle cell disease aged < 2 years", "Caregivers of children with autism aged 2-12 years")) {
      assertThat(inclusion(sentence, parent)).as(sentence + ": a parent of 30 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    Facts girl = person("2016-03-01", Sex.FEMALE); // 10
    for (String sentence : List.of("Children with ITP whose parents are aged ≥ 18 years",
        "Infants whose mothers are aged 18 years or older", "Children whose sibling donor is aged 18 to 60 years")) {
      assertThat(inclusion(sentence, girl)).as(sentence + ": a girl of 10 (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
    }
    // a child with the condition, with no one named before, is still the patient
    assertThat(inclusion("Children with ITP aged 2 to 17 years", girl)).isEqualTo(Truth.MET);
    assertThat(inclusion("Children with ITP aged 2 to 17 years", parent)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void adolescentsAndInfantsNamedBesideTheAgeSayNothingMore() {
    // "adolescents" left unread beside the age, every child was asked instead of met
    Facts girl = person("2016-03-01", Sex.FEMALE); // 10
    Facts woman = person("1996-01-01", Sex.FEMALE); // 30
    for (String sentence : List.of("Children and adolescents aged 1 to 17 years",
        "Children, adolescents and teenagers aged 2-17 years", "Infants, toddlers and children aged 1 month to 12 years")) {
      assertThat(inclusion(sentence, girl)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, woman)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void anAgeAtTheFirstDoseIsMetByOneOldEnoughNowAndAskedOfOneAboutToBe() {
    // §75: a moment to come; the patient will be older then, never younger
    Facts almost = person("2008-07-15", Sex.FEMALE); // 17 years 10 months on 2026-06-01
    Facts adult = person("1990-01-01", Sex.FEMALE);
    Facts girl = person("2016-03-01", Sex.FEMALE); // 10
    for (String sentence : List.of("Age at first dose ≥ 18 years", "Age ≥ 18 years at the time of the first dose",
        "Aged 18 years or older at the time of first dose of study drug", "18 years of age or older on the day of "
        + "first dosing", "Age ≥ 18 years at the start of study treatment")) {
      assertThat(inclusion(sentence, almost)).as(sentence + ": 17 years 10 months now (had been NOT_MET or asked of "
          + "every adult)").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult)).as(sentence + ": a woman of 36").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, girl)).as(sentence + ": a girl of 10").isEqualTo(Truth.NOT_MET);
    }
    Facts past = person("1950-01-01", Sex.MALE); // 76
    Facts nearly = person("1951-01-01", Sex.MALE); // 75 years 5 months
    Facts younger = person("1960-01-01", Sex.MALE); // 66
    for (String sentence : List.of("Age ≤ 75 years at the time of first dose", "Age at first dose 18-75 years",
        "Aged 18 to 75 years at the time of the first infusion")) {
      assertThat(inclusion(sentence, past)).as(sentence + ": a man of 76").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, nearly)).as(sentence + ": a man of 75 who may be 76 then")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, younger)).as(sentence + ": a man of 66").isEqualTo(Truth.MET);
    }
    // in the exclusion list, a patient who may reach the limit by then is asked, not excluded
    assertThat(exclusion("Age < 18 years at the time of first dose", almost)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Age < 18 years at the time of first dose", girl)).isEqualTo(Truth.MET);
    assertThat(exclusion("Age < 18 years at the time of first dose", adult)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aBareRangeAfterAgedIsInYears() {
    Facts woman = person("1990-01-01", Sex.FEMALE); // 36
    Facts older = person("1970-01-01", Sex.FEMALE); // 56
    for (String sentence : List.of("Females of childbearing potential, aged 18-45, with a negative pregnancy test",
        "Women aged 18 to 45, inclusive", "Adult patients aged between 18 and 45 with primary ITP")) {
      assertThat(inclusion(sentence, older)).as(sentence + ": a woman of 56 (had been asked)")
          .isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Women aged 18 to 45, inclusive", woman)).isEqualTo(Truth.MET);
  }

  @Test
  void groupsOfPeopleJoinedByAndInTheExclusionListAreEachExcluded() {
    // §75: "and" between groups of people lists whom the trial excludes; read as both at once, a nursing woman of 30
    // (or a man of 82) was only asked
    Facts nursing = person("1996-01-01", Sex.FEMALE).coded("lactation-status", "lactating", "2026-05-25");
    Facts pregnant = person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-05-25");
    Facts oldMan = person("1944-01-01", Sex.MALE); // 82
    Facts boy = person("2018-01-01", Sex.MALE); // 8
    Facts woman = person("1990-01-01", Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05-25")
        .coded("lactation-status", "not-lactating", "2026-05-25");
    assertThat(exclusion("Women who are breastfeeding, and participants aged > 75", nursing)).isEqualTo(Truth.MET);
    assertThat(exclusion("Women who are breastfeeding, and participants aged > 75", oldMan)).isEqualTo(Truth.MET);
    assertThat(exclusion("Pregnant women, and patients older than 80 years", pregnant)).isEqualTo(Truth.MET);
    assertThat(exclusion("Pregnant women, and patients older than 80 years", oldMan)).isEqualTo(Truth.MET);
    assertThat(exclusion("Lactating women and children under 12", nursing)).isEqualTo(Truth.MET);
    assertThat(exclusion("Lactating women and children under 12", boy)).isEqualTo(Truth.MET);
    assertThat(exclusion("Pregnant women, lactating women, and patients older than 80 years", nursing))
        .isEqualTo(Truth.MET);
    for (String sentence : List.of("Women who are breastfeeding, and participants aged > 75",
        "Pregnant women, and patients older than 80 years", "Lactating women and children under 12",
        "Pregnant women, lactating women, and patients older than 80 years")) {
      assertThat(exclusion(sentence, woman)).as(sentence + ": a woman of 36, neither").isEqualTo(Truth.NOT_MET);
    }
    // a disease and its qualifier are no groups of people: both still required
    Facts hypertensive = person("1970-01-01", Sex.MALE).condition("Essential hypertension",
        ClinicalStatus.ACTIVE, "2020-01-01", null, coded("hypertension"));
    assertThat(exclusion("Hypertension and diabetes requiring insulin", hypertensive)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Patients with HIV infection and a CD4 count below 200", oldMan)).isNotEqualTo(Truth.MET);
  }

  @Test
  void aLimitForEachGroupOfPeopleIsNoGroupExcludedByItself() {
    // §80: "for adults … and … for children" sets each group's limit; read as §75's groups joined by "and" (any of
    // them), a child of 30 kg was excluded by the adults' 40 kg and a child with 80 x 10^9/L platelets by the adults'
    // 100 (the children's limits, unread, are 20 kg and 75)
    Facts child = Facts.patient("c").born("2016-01-01").sex(Sex.FEMALE).condition("Immune thrombocytopenia",
        ClinicalStatus.ACTIVE, "2024-01-01", null, coded("immune-thrombocytopenia"))
        .lab("body-weight", 30, "kg", "2026-05-20").lab("platelets", 80, "10*9/L", "2026-05-20")
        .lab("hemoglobin", 75, "g/L", "2026-05-20");
    for (String sentence : List.of("Body weight < 40 kg for adults and < 20 kg for children",
        "Platelet count < 100 x 10^9/L in adults, and < 75 x 10^9/L in patients younger than 12 years",
        "Hemoglobin < 8 g/dL among adults and < 7 g/dL among children",
        "Body weight < 40 kg for adult patients and < 20 kg for pediatric patients")) {
      assertThat(exclusion(sentence, child)).as(sentence + ": a girl of 10 within the children's limit (was MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // an adult over every limit is still not excluded; groups listed by themselves are still each excluded
    Facts adult = person("1980-01-01", Sex.MALE).lab("body-weight", 70, "kg", "2026-05-20")
        .lab("platelets", 150, "10*9/L", "2026-05-20");
    assertThat(exclusion("Body weight < 40 kg for adults and < 20 kg for children", adult)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Lactating women and children under 12", person("2018-01-01", Sex.MALE)))
        .isEqualTo(Truth.MET);
    assertThat(exclusion("Patients receiving warfarin and patients with bleeding disorders",
        person("1980-01-01", Sex.MALE).medication("warfarin 5 mg", "2025-01-01", null,
            org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded("warfarin")))).isEqualTo(Truth.MET);
  }

  @Test
  void aBracketNamingWhomALimitIsForIsNoAlternative() {
    // §80: "(" reads as another name ("ITP (immune thrombocytopenia)"); "(adults)" is whom the limit is for, and read
    // as an alternative the adults' limit alone excluded a child of 30 kg, and "ITP (adults) and platelet count < 30"
    // excluded an ITP patient with 120 x 10^9/L
    Facts child = Facts.patient("c").born("2016-01-01").sex(Sex.FEMALE).condition("Immune thrombocytopenia",
        ClinicalStatus.ACTIVE, "2024-01-01", null, coded("immune-thrombocytopenia"))
        .lab("body-weight", 30, "kg", "2026-05-20").lab("hemoglobin", 85, "g/L", "2026-05-20");
    for (String sentence : List.of("Body weight < 40 kg (adults) and < 20 kg (children)",
        "Body weight < 40 kg (for adults) and < 20 kg (for children)",
        "Hemoglobin < 9 g/dL (adults) and < 8 g/dL (pediatric patients)")) {
      assertThat(exclusion(sentence, child)).as(sentence + ": a girl of 10 within the children's limit (was MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    Facts itp = person("1980-01-01", Sex.MALE).lab("platelets", 120, "10*9/L", "2026-05-20");
    assertThat(exclusion("ITP (adults) and platelet count < 30 x 10^9/L", itp)).as("ITP with 120 (was MET)")
        .isNotEqualTo(Truth.MET);
  }

  @Test
  void aLimitSetForOneAgeGroupDecidesNoOneOutsideIt() {
    // §82: "(adults)", "(for adolescents)", "in children" right after a limit say whom it binds; read for everyone, the
    // adults' limit excluded a girl of 10 within the children's, and the adolescents' weight an adult of 38 kg
    Facts girl = person("2016-01-01", Sex.FEMALE).lab("hemoglobin", 85, "g/L", "2026-05-20")
        .lab("platelets", 80, "10*9/L", "2026-05-20");
    for (String sentence : List.of("Hemoglobin < 9 g/dL (adults) or < 8 g/dL (children)",
        "Platelet count < 100 x 10^9/L in adults, or < 75 x 10^9/L in children")) {
      assertThat(exclusion(sentence, girl)).as(sentence + ": a girl of 10 within the children's limit (was MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // §99: groups listed with ";" are each held to their own limit: she is no adult, and within the children's
    assertThat(exclusion("Hemoglobin < 9 g/dL for adult patients; < 8 g/dL for pediatric patients", girl))
        .as("a girl of 10 within the children's limit (was MET before §82, UNKNOWN before §99)")
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 10 g/dL (for adults)", girl)).as("a girl of 10 (was NOT_MET)")
        .isEqualTo(Truth.UNKNOWN);
    Facts small = person("1966-01-01", Sex.FEMALE).lab("body-weight", 38, "kg", "2026-05-20");
    assertThat(exclusion("Body weight < 40 kg (for adolescents)", small)).as("a woman of 60, 38 kg (was MET)")
        .isEqualTo(Truth.UNKNOWN);
    for (String sentence : List.of("Body weight ≥ 40 kg (adolescents)", "Body weight ≥ 40 kg in adolescents")) {
      assertThat(inclusion(sentence, small)).as(sentence + ": a woman of 60, 38 kg (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // a limit for everyone still decides
    assertThat(exclusion("Hemoglobin < 9 g/dL", girl)).isEqualTo(Truth.MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL (all patients)", girl)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Body weight < 40 kg", small)).isEqualTo(Truth.MET);
    // a patient within every limit read is still decided
    Facts well = person("1980-01-01", Sex.MALE).lab("hemoglobin", 130, "g/L", "2026-05-20")
        .lab("body-weight", 70, "kg", "2026-05-20");
    assertThat(exclusion("Hemoglobin < 9 g/dL (for adults)", well)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Body weight ≥ 40 kg (adolescents)", well)).isEqualTo(Truth.MET);
  }

  @Test
  void aLimitForANarrowerGroupListedInTheExclusionsBindsOnlyThatGroup() {
    // §82: §75 excludes each group joined by "and"; "adolescents with body weight < 40 kg" is a limit for adolescents,
    // and read as a group of its own it excluded an adult ITP patient with 40 x 10^9/L and a woman of 60 of 38 kg
    Facts itp = person("1980-01-01", Sex.MALE).lab("platelets", 40, "10*9/L", "2026-05-20");
    assertThat(exclusion("Adolescents with platelets < 50 x 10^9/L and adults aged > 75", itp))
        .as("a man of 46 with 40 x 10^9/L (was MET)").isEqualTo(Truth.UNKNOWN);
    Facts small = person("1966-01-01", Sex.FEMALE).lab("body-weight", 38, "kg", "2026-05-20");
    for (String sentence : List.of("Children under 12 and adolescents with body weight < 40 kg",
        "Children under 12, and adolescents weighing less than 40 kg",
        "Infants and children under 12, and adolescents with a body weight below 40 kg")) {
      assertThat(exclusion(sentence, small)).as(sentence + ": a woman of 60, 38 kg (was MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    // the groups listed by themselves still exclude; a limit for everyone still excludes
    assertThat(exclusion("Children under 12 and adolescents with body weight < 40 kg", person("2018-01-01", Sex.MALE)))
        .as("a boy of 8").isEqualTo(Truth.MET);
    assertThat(exclusion("Platelet count < 50 x 10^9/L", itp)).isEqualTo(Truth.MET);
  }

  @Test
  void anAgeOfPeopleThePatientLivesWithOrCaresForIsNotThePatients() {
    // §80: §75 read a bare age after "children" as the patient's; a child of 3 in a paediatric trial was excluded by
    // "Close contact with immunocompromised people or children under 5" (the children are her contacts)
    Facts toddler = person("2023-01-01", Sex.FEMALE); // 3
    for (String sentence : List.of("Close contact with immunocompromised people or children under 5",
        "Living with infants or children under 5", "Household contacts of children under 5",
        "Caring for children under 5")) {
      assertThat(exclusion(sentence, toddler)).as(sentence + ": a girl of 3 (was MET)").isEqualTo(Truth.UNKNOWN);
    }
    // children listed as a group of their own still are: a boy of 8
    Facts boy = person("2018-01-01", Sex.MALE);
    assertThat(exclusion("Breastfeeding women and children under 12", boy)).isEqualTo(Truth.MET);
    assertThat(exclusion("Pregnant women and children younger than 12 years", boy)).isEqualTo(Truth.MET);
    assertThat(exclusion("Female participants who are breastfeeding and participants older than 80 years",
        person("1944-01-01", Sex.MALE))).as("a man of 82").isEqualTo(Truth.MET);
  }

  @Test
  void aPregnancyOrBirthWithinATimeCountsAPregnancyThatEndedInIt() {
    // §75: read as "pregnant now", a woman delivered two months ago was admitted by the exclusion and failed the
    // inclusion of a postpartum trial
    Facts delivered = person("1996-01-01", Sex.FEMALE).condition("Pregnancy", ClinicalStatus.RESOLVED, "2025-07-20",
        "2026-04-01", "pregnancy").coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts notPregnant = person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts longAgo = person("1992-01-01", Sex.FEMALE).condition("Pregnancy", ClinicalStatus.RESOLVED, "2023-08-01",
        "2024-05-01", "pregnancy").coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts neverClosed = person("1993-01-01", Sex.FEMALE).condition("Pregnant", ClinicalStatus.ACTIVE, "2023-01-10",
        null, "pregnancy").coded("pregnancy-status", "not-pregnant", "2026-05-25");
    Facts pregnant = person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-05-25");
    Facts man = person("1970-01-01", Sex.MALE);
    Facts womanOf70 = person("1956-01-01", Sex.FEMALE);
    for (String sentence : List.of("Pregnancy within the last 6 months", "Pregnant or delivered within 3 months",
        "Pregnancy or childbirth in the past 12 weeks", "Pregnancy during the last year")) {
      assertThat(exclusion(sentence, delivered)).as(sentence + ": delivered two months ago (had been NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, pregnant)).as(sentence + ": pregnant now").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, notPregnant)).as(sentence + ": not pregnant now, no pregnancy recorded")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, longAgo)).as(sentence + ": a pregnancy that ended in 2024")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, neverClosed)).as(sentence + ": an entry of 2023 never closed is no birth")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, man)).as(sentence + ": a man").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, womanOf70)).as(sentence + ": a woman of 70").isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Pregnancy within the last 6 months", delivered))
        .as("a postpartum trial: delivered two months ago (had been NOT_MET)").isEqualTo(Truth.MET);
    // a birth named alone is asked, never read from a pregnancy that may have ended otherwise
    assertThat(exclusion("Given birth within the previous 6 weeks", delivered)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Given birth within the previous 6 weeks", man)).isEqualTo(Truth.NOT_MET);
  }
}
