package org.eligo.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** A rule's concept ids as bits: the same set as any other with those ids, and never a missed diagnosis. */
class ConceptSetTest {

  @Test
  void equalToAnOrdinarySetWithTheSameIds() {
    ConceptSet set = ConceptSet.copyOf(Set.of("mds", "aplastic-anemia"));
    assertThat(set).isEqualTo(Set.of("aplastic-anemia", "mds")).hasSameHashCodeAs(Set.of("mds", "aplastic-anemia"))
        .contains("mds").doesNotContain("itp");
    assertThat(new ConditionRule(Set.of("mds"), Set.of(), TimeWindow.EVER, "MDS"))
        .isEqualTo(ConditionRule.ever("MDS", "mds"));
  }

  @Test
  void aPatientsBitsAreRemadeWhenARuleNamesANewConcept() {
    PatientIndex patient = PatientIndex.of(Facts.patient("p")
        .condition("Rare thing", ClinicalStatus.ACTIVE, "2025-01-01", null, "concept-only-in-this-test").build());
    assertThat(patient.hasConditionIn(ConceptSet.copyOf(Set.of("mds")))).isFalse();
    // A rule naming the patient's concept is made after the patient's bits were: the bits must not be stale.
    ConceptSet late = ConceptSet.copyOf(Set.of("concept-only-in-this-test", "other-new-concept"));
    assertThat(patient.hasConditionIn(late)).isTrue();
  }

  @Test
  void aSmallSetAndALargeOneIntersectExactlyAsTheirIds() {
    java.util.List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) many.add("intersect-test-concept-" + i);
    ConceptSet small = ConceptSet.copyOf(Set.of(many.get(3), many.get(37)));
    ConceptSet large = ConceptSet.copyOf(many.subList(10, 40));
    java.util.BitSet patient = ConceptSet.numberedAmong(Set.of(many.get(37), "not-numbered-anywhere"));
    assertThat(small.intersects(patient)).isTrue();
    assertThat(large.intersects(patient)).isTrue();
    java.util.BitSet other = ConceptSet.numberedAmong(Set.of(many.get(5)));
    assertThat(small.intersects(other)).isFalse();
    assertThat(large.intersects(other)).isFalse();
    assertThat(ConceptSet.copyOf(Set.of()).intersects(patient)).isFalse();
    assertThat(small.intersects(new java.util.BitSet())).isFalse();
  }
}
