package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.TERMS;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import java.util.Locale;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.junit.jupiter.api.Test;

/**
 * The complement inhibitors PNH patients take besides eculizumab and ravulizumab (DECISIONS 89): pegcetacoplan,
 * crovalimab and danicopan were drugs the terminology did not know, so a patient on pegcetacoplan for a year failed
 * "Patients must have received a complement inhibitor for at least 6 months" and was INELIGIBLE.
 */
class ComplementInhibitorClassVerdictsTest {
  /** The concepts a record's medication text names, as the readers map an entry by its text. */
  static String[] byText(String text) {
    return TerminologyLexicon.bundled().findMentions(text.toLowerCase(Locale.ROOT)).stream()
        .filter(m -> m.kind() == ConceptKind.DRUG).flatMap(m -> TERMS.closure(m.id()).stream()).distinct()
        .toArray(String[]::new);
  }

  static Facts pnhOn(String drug) {
    return adult().condition("Paroxysmal nocturnal hemoglobinuria", ClinicalStatus.ACTIVE, "2019-01-01", null,
        coded("paroxysmal-nocturnal-hemoglobinuria"))
        .medication(drug, "2025-01-15", null, ExposureStatus.ACTIVE, byText(drug));
  }

  @Test
  void everyComplementInhibitorCountsAsOne() {
    for (String drug : List.of("Pegcetacoplan 1080 mg subcutaneous twice weekly", "Empaveli 1080 mg/20 mL",
        "Crovalimab 680 mg IV", "Danicopan 150 mg tablet", "Voydeya 100 mg")) {
      Facts patient = pnhOn(drug);
      assertThat(inclusion("Patients must have received a complement inhibitor for at least 6 months prior to "
          + "screening", patient)).as(drug).isEqualTo(Truth.MET);
      assertThat(inclusion("Naive to complement inhibitor therapy", patient)).as(drug).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion("Prior treatment with a complement inhibitor", patient)).as(drug).isEqualTo(Truth.MET);
    }
    assertThat(exclusion("Prior treatment with iptacopan, danicopan, or pegcetacoplan",
        pnhOn("Pegcetacoplan 1080 mg subcutaneous twice weekly"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior treatment with iptacopan, danicopan, or pegcetacoplan",
        pnhOn("Eculizumab 900 mg IV"))).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void theEuropeanAndSwissBrandsAreTheDrugs() {
    // §89 reviewed: a record naming pegcetacoplan "Aspaveli" (its EU brand) or crovalimab "Piasky", without a code,
    // listed a drug the terminology did not know: the PNH patient failed "must have received a complement inhibitor"
    for (String drug : List.of("Aspaveli 1080 mg solution for infusion", "Piasky 340 mg solution for injection",
        "PiaSky 680 mg SC")) {
      assertThat(inclusion("Patients must have received a complement inhibitor for at least 6 months prior to "
          + "screening", pnhOn(drug))).as(drug).isEqualTo(Truth.MET);
      assertThat(exclusion("Prior treatment with a complement inhibitor", pnhOn(drug))).as(drug).isEqualTo(Truth.MET);
    }
  }
}
