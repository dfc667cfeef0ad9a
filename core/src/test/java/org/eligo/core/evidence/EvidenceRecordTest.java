package org.eligo.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bride et al. (Blood 2016) record as the bundled evidence file describes it. */
class EvidenceRecordTest {

  private static final Citation BRIDE = new Citation(
      List.of("Karen L. Bride", "Tiffaney Vincent", "Kim Smith-Whitley", "Michele P. Lambert", "Jack J. Bleesing",
          "Alix E. Seif", "Catherine S. Manno", "James Casper", "Stephan A. Grupp", "David T. Teachey"),
      "Sirolimus is effective in relapsed/refractory autoimmune cytopenias: results of a prospective "
          + "multi-institutional trial",
      "Blood", 2016, "127", "1", "17-28", "10.1182/blood-2015-07-657981", "26504182");

  private static EvidenceRecord bride(TrialRegistration registration) {
    return new EvidenceRecord("bride-2016-blood-sirolimus-autoimmune-cytopenias", BRIDE,
        new PublicationHistory(LocalDate.of(2015, 7, 30), LocalDate.of(2015, 9, 22), LocalDate.of(2015, 10, 26)),
        new StudyDesign(StudyDesign.Direction.PROSPECTIVE, StudyDesign.Sites.MULTICENTER,
            "prospective multi-institutional clinical trial"),
        new Population(30, "patients with relapsed/refractory autoimmune cytopenias"),
        new StudiedIntervention("sirolimus", StudiedIntervention.Regimen.MONOTHERAPY),
        List.of(new LinkedCondition("autoimmune lymphoproliferative syndrome", "ALPS"),
            new LinkedCondition("Evans syndrome", "ES"),
            new LinkedCondition("common variable immunodeficiency", "CVID")),
        List.of(new CohortOutcome("ALPS", 12, 12, "complete response"),
            new CohortOutcome("multi-lineage cytopenias (CVID, ES, SLE)", 12, 8, "complete response"),
            new CohortOutcome("single-lineage autoimmune cytopenias", 6, 2, "response")),
        List.of(new FollowUp("responding patients", "time on therapy", 2, 1, 4.5)),
        registration);
  }

  @Test
  void cohortOutcomesCarryProportionsAndExactIntervals() {
    EvidenceRecord record = bride(new TrialRegistration.Registered("NCT00392951", "PubMed 26504182"));

    CohortOutcome multiLineage = record.outcomes().get(1);
    assertThat(multiLineage.proportion()).isCloseTo(0.6667, within(1e-4));
    assertThat(multiLineage.interval95().lower()).isCloseTo(0.349, within(1e-3));
    assertThat(multiLineage.interval95().upper()).isCloseTo(0.901, within(1e-3));
    assertThat(record.outcomes().get(0).interval95().upper()).isEqualTo(1.0);
  }

  @Test
  void findsConditionsByNameOrAbbreviation() {
    EvidenceRecord record = bride(new TrialRegistration.NotEstablished("no source names the trial"));

    assertThat(record.concerns("alps")).isTrue();
    assertThat(record.concerns("Evans Syndrome")).isTrue();
    assertThat(record.concerns("aplastic anemia")).isFalse();
  }

  @Test
  void exposesTheLinkedTrialOnlyWhenEstablished() {
    assertThat(bride(new TrialRegistration.Registered("NCT00392951", "PubMed 26504182")).nctId())
        .isEqualTo("NCT00392951");
    assertThat(bride(new TrialRegistration.NotEstablished("not reported")).nctId()).isNull();
  }

  @Test
  void citationFormatsItsSource() {
    assertThat(BRIDE.source()).isEqualTo("Blood 2016;127(1):17-28");
    assertThat(BRIDE.firstAuthorEtAl()).isEqualTo("Karen L. Bride et al.");
    Citation bare = new Citation(List.of("A Author"), "T", "J", 2020, null, null, null, null, null);
    assertThat(bare.source()).isEqualTo("J 2020");
    assertThat(bare.firstAuthorEtAl()).isEqualTo("A Author");
  }

  @Test
  void rejectsImpossibleValues() {
    assertThatThrownBy(() -> new CohortOutcome("ALPS", 12, 13, "complete response"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
    assertThatThrownBy(() -> new CohortOutcome("ALPS", 0, 0, "complete response"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CohortOutcome(" ", 2, 1, "response"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
    assertThatThrownBy(() -> new FollowUp("responders", "time on therapy", 5, 1, 4.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrialRegistration.Registered("NCT0039295", "PubMed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NCT");
    assertThatThrownBy(() -> new PublicationHistory(LocalDate.of(2015, 9, 22), LocalDate.of(2015, 7, 30), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Citation(List.of("A"), "T", "J", 2016, null, null, null, "https://doi.org/10.1/x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOI");
    assertThatThrownBy(() -> new Citation(List.of(), "T", "J", 2016, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRecordNeedsConditionsAndOutcomes() {
    EvidenceRecord ok = bride(new TrialRegistration.NotEstablished("n/a"));
    assertThatThrownBy(() -> new EvidenceRecord(ok.id(), ok.citation(), ok.history(), ok.design(), ok.population(),
        ok.intervention(), List.of(), ok.outcomes(), ok.followUps(), ok.registration()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("condition");
    assertThatThrownBy(() -> new EvidenceRecord(ok.id(), ok.citation(), ok.history(), ok.design(), ok.population(),
        ok.intervention(), ok.conditions(), List.of(), ok.followUps(), ok.registration()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
  }
}
