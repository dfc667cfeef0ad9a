package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ComplementInhibitorClassVerdictsTest.byText;
import static org.eligo.criteria.parse.ParsedVerdictsTest.TERMS;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * The newer drugs of ITP, wAIHA, CAD, PNH, aplastic anemia, MDS, sickle cell disease and thalassemia trials, and the
 * classes their criteria name (DECISIONS 94): a patient on one, named by its generic name, its brand or its ATC or
 * RxNorm code, is in its class; a medication list without one is not; a class Eligo has no concept for is asked.
 */
class NewerHematologyDrugClassVerdictsTest {
  private static final String ATC = "http://www.whocc.no/atc";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  /** On the drug since March, still taking it, with the medication named as the record's text maps it. */
  static Facts onText(String text) {
    return adult().medication("Prednisone 10 mg tablet", "2025-06-01", null, ExposureStatus.ACTIVE,
        byText("Prednisone 10 mg tablet"))
        .medication(text, "2026-03-01", null, ExposureStatus.ACTIVE, byText(text));
  }

  /** On a drug the record codes and does not name (the text is the hospital's own product code). */
  static Facts onCode(String system, String code) {
    return adult().medication("Prednisone 10 mg tablet", "2025-06-01", null, ExposureStatus.ACTIVE,
        byText("Prednisone 10 mg tablet"))
        .medication("Pharmacy item 4711", "2026-03-01", null, ExposureStatus.ACTIVE,
            TERMS.conceptsForCode(system, code).toArray(String[]::new));
  }

  /** A medication list that holds prednisone only. */
  static Facts onPrednisoneOnly() {
    return onText("Prednisone 10 mg tablet");
  }

  private static void inClass(String what, List<Facts> patients, String inclusion, String exclusion) {
    for (Facts p : patients) {
      assertThat(inclusion(inclusion, p)).as(what + ": " + inclusion).isEqualTo(Truth.MET);
      assertThat(exclusion(exclusion, p)).as(what + ": " + exclusion).isEqualTo(Truth.MET);
    }
    assertThat(inclusion(inclusion, onPrednisoneOnly())).as("prednisone only: " + inclusion)
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(exclusion, onPrednisoneOnly())).as("prednisone only: " + exclusion)
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void theFcrnInhibitorsAreOneClass() {
    inClass("FcRn", List.of(onText("Rozanolixizumab 420 mg SC"), onText("Rystiggo 140 mg/mL"),
        onText("Nipocalimab 30 mg/kg IV"), onText("Imaavy 1200 mg"), onText("Vyvgart 400 mg"),
        onCode(ATC, "L04AL02"), onCode(ATC, "L04AL03"), onCode(RXNORM, "2642288")),
        "Previously treated with at least one FcRn inhibitor", "Prior treatment with an FcRn inhibitor");
    assertThat(exclusion("Previous treatment with a neonatal Fc receptor (FcRn) blocker, such as efgartigimod, "
        + "rozanolixizumab or nipocalimab", onText("Batoclimab 680 mg SC"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior treatment with rozanolixizumab, nipocalimab or batoclimab", onPrednisoneOnly()))
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void theSykAndPi3kDeltaInhibitorsAreClasses() {
    inClass("SYK", List.of(onText("Fostamatinib 100 mg tablet"), onText("Tavalisse 150 mg"),
        onText("Sovleplenib 300 mg"), onCode(ATC, "B02BX09")),
        "Prior treatment with a spleen tyrosine kinase (SYK) inhibitor",
        "Use of a SYK inhibitor within 4 weeks prior to randomization");
    inClass("PI3K-delta", List.of(onText("Parsaclisib 2.5 mg tablet"), onText("Zydelig 150 mg"),
        onText("Copiktra 25 mg capsule"), onText("Joenja 70 mg"), onCode(ATC, "L01EM05"),
        onCode(ATC, "L03AX22")),
        "Prior treatment with a PI3K delta inhibitor", "Prior exposure to a PI3K-delta inhibitor");
    // alpelisib inhibits the alpha isoform: a PI3K inhibitor, not a delta one
    Facts alpelisib = onText("Piqray 300 mg");
    assertThat(exclusion("Prior exposure to a PI3K-delta inhibitor", alpelisib)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior treatment with a phosphoinositide 3-kinase (PI3K) inhibitor", alpelisib))
        .isEqualTo(Truth.MET);
  }

  @Test
  void theBtkInhibitorsAndTpoReceptorAgonistsKnowTheirNewerMembers() {
    inClass("BTK", List.of(onText("Pirtobrutinib 200 mg"), onText("Jaypirca 100 mg tablet"),
        onText("Orelabrutinib 150 mg"), onText("Rilzabrutinib 400 mg BID"), onCode(ATC, "L04AA60"),
        onCode(ATC, "L01EL03")),
        "Previously treated with at least one BTK inhibitor",
        "Exposure to a Bruton's tyrosine kinase (BTK) inhibitor within 4 weeks");
    inClass("TPO-RA", List.of(onText("Doptelet 20 mg tablet"), onText("Hetrombopag olamine 7.5 mg"),
        onCode(ATC, "B02BX08"), onCode(ATC, "B02BX07"), onCode(ATC, "B02BX04")),
        "Must have received at least 1 prior TPO-RA", "Prior exposure to TPO mimetics within 2 weeks");
  }

  @Test
  void theComplementInhibitorsAreTellApartByTarget() {
    String c5 = "Currently receiving a C5 inhibitor for at least 1 month";
    for (String drug : List.of("Soliris 300 mg/30 mL", "Ultomiris 1100 mg", "Piasky 340 mg", "Veopoz 400 mg")) {
      assertThat(inclusion(c5, onText(drug))).as(drug).isEqualTo(Truth.MET);
      assertThat(exclusion("Any prior treatment with an anti-C5 antibody", onText(drug))).as(drug)
          .isEqualTo(Truth.MET);
    }
    Facts pegcetacoplan = onText("Empaveli 1080 mg");
    assertThat(inclusion(c5, pegcetacoplan)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior treatment with a C3 inhibitor", pegcetacoplan)).isEqualTo(Truth.MET);
    assertThat(exclusion("Treatment with a factor B inhibitor or factor D inhibitor within 3 months",
        onText("Fabhalta 200 mg capsule"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Treatment with a factor B inhibitor or factor D inhibitor within 3 months",
        onText("Voydeya 100 mg"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Treatment with a factor B inhibitor or factor D inhibitor within 3 months",
        onText("Soliris 300 mg/30 mL"))).isEqualTo(Truth.NOT_MET);
    for (String drug : List.of("Enjaymo 1100 mg", "Riliprubart 600 mg IV")) {
      assertThat(exclusion("Prior treatment with a C1s inhibitor", onText(drug))).as(drug).isEqualTo(Truth.MET);
      assertThat(inclusion("Prior treatment with a complement inhibitor", onText(drug))).as(drug)
          .isEqualTo(Truth.MET);
    }
    assertThat(exclusion("Prior treatment with a C1s inhibitor", onText("Soliris 300 mg/30 mL")))
        .isEqualTo(Truth.NOT_MET);
    // an anti-C5a antibody is not a C5 inhibitor: never excluded as one
    assertThat(exclusion("Prior treatment with an anti-C5a antibody", onText("Soliris 300 mg/30 mL")))
        .isNotEqualTo(Truth.MET);
  }

  @Test
  void sickleCellThalassemiaAndCd38DrugsAreKnownByNameBrandAndCode() {
    for (Facts p : List.of(onText("Mitapivat 50 mg BID"), onText("Pyrukynd 20 mg"), onCode(ATC, "B06AX04"))) {
      assertThat(exclusion("Treated with mitapivat within 3 months", p)).isEqualTo(Truth.MET);
      assertThat(exclusion("Prior treatment with a pyruvate kinase activator", p)).isEqualTo(Truth.MET);
    }
    assertThat(exclusion("Prior treatment with a pyruvate kinase activator", onPrednisoneOnly()))
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Received crizanlizumab within 6 months or voxelotor within 30 days",
        onCode(ATC, "B06AX01"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Received crizanlizumab within 6 months or voxelotor within 30 days",
        onCode(ATC, "B06AX03"))).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior treatment with an anti-CD38 antibody within 6 months",
        onText("Mezagitamab 600 mg SC"))).isEqualTo(Truth.MET);
  }

  @Test
  void aClassEligoDoesNotKnowIsAsked() {
    for (String sentence : List.of("Prior treatment with an anti-BAFF-R antibody", "Prior treatment with a "
        + "telomerase inhibitor", "Prior treatment with a P-selectin inhibitor")) {
      assertThat(exclusion(sentence, onPrednisoneOnly())).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, onPrednisoneOnly())).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    // a class not known, beside a drug that is: asked of a patient not on the drug, met for one on it
    assertThat(exclusion("Prior treatment with an anti-BAFF-R antibody (e.g., ianalumab)", onPrednisoneOnly()))
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Prior treatment with an anti-BAFF-R antibody (e.g., ianalumab)",
        onText("Ianalumab 300 mg IV"))).isEqualTo(Truth.MET);
  }

  @Test
  void biosimilarEculizumabAndAtgNamedByItsSourceAreKnown() {
    // ATG written as hospitals and the WHO write it, with its source in brackets
    for (String drug : List.of("Anti-thymocyte globulin (equine) 50 mg/mL", "Antithymocyte globulin (horse)",
        "Antilymphocyte immunoglobulin (horse) 1 g")) {
      assertThat(inclusion("Refractory to at least one course of horse ATG-based immunosuppressive therapy",
          onText(drug))).as(drug).isNotEqualTo(Truth.NOT_MET);
      assertThat(inclusion("Previously treated with horse antithymocyte globulin", onText(drug))).as(drug)
          .isEqualTo(Truth.MET);
      assertThat(exclusion("Prior treatment with rabbit ATG (Thymoglobulin)", onText(drug))).as(drug)
          .isEqualTo(Truth.NOT_MET);
    }
    for (String drug : List.of("Anti-thymocyte globulin (rabbit) 25 mg", "Antithymocyte immunoglobulin (rabbit)")) {
      assertThat(inclusion("Previously treated with rabbit antithymocyte globulin", onText(drug))).as(drug)
          .isEqualTo(Truth.MET);
      assertThat(exclusion("Prior treatment with horse ATG (Atgam)", onText(drug))).as(drug)
          .isEqualTo(Truth.NOT_MET);
    }
    // a PNH patient on a biosimilar eculizumab named by its brand alone was on a drug nobody knew: INELIGIBLE for
    // "must be on a C5 inhibitor"
    for (String drug : List.of("Epysqli 300 mg/30 mL concentrate", "BEKEMV 300 mg concentrate for solution for "
        + "infusion", "Eculizumab-aagh 300 mg")) {
      assertThat(inclusion("Patients currently treated with a C5 inhibitor (eculizumab or ravulizumab) for at least "
          + "1 month", onText(drug))).as(drug).isEqualTo(Truth.MET);
      assertThat(inclusion("Patients must have received a complement inhibitor for at least 1 month prior to "
          + "screening", onText(drug))).as(drug).isEqualTo(Truth.MET);
    }
  }

  @Test
  void aNarrowerKindOfTheClassIsNotTheWholeClass() {
    // "proximal complement inhibitors" are C3, factor B, factor D (and C1s) inhibitors: not read as C3 alone, so a
    // patient on iptacopan is not failed
    assertThat(inclusion("Currently treated with a proximal complement inhibitor", onText("Fabhalta 200 mg capsule")))
        .isNotEqualTo(Truth.NOT_MET);
    // zilucoplan is a C5-binding peptide, not an antibody; efgartigimod an Fc fragment, not an anti-FcRn antibody
    Facts zilucoplan = onText("Zilbrysq 32.4 mg SC");
    assertThat(exclusion("Any prior treatment with an anti-C5 monoclonal antibody", zilucoplan))
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior treatment with a C5 inhibitor", zilucoplan)).isEqualTo(Truth.MET);
    assertThat(exclusion("Any prior treatment with an anti-C5 monoclonal antibody", onText("Ultomiris 1100 mg")))
        .isEqualTo(Truth.MET);
    Facts efgartigimod = onText("Vyvgart 400 mg IV");
    assertThat(exclusion("Prior treatment with an anti-FcRn monoclonal antibody", efgartigimod))
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior treatment with an FcRn inhibitor", efgartigimod)).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior treatment with an anti-FcRn monoclonal antibody", onText("Rystiggo 280 mg")))
        .isEqualTo(Truth.MET);
  }
}
