package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eligo.search.kit.TrialBuilder.trial;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eligo.search.kit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RelatedTrialsTest {

  private static LuceneTrialIndex index;

  @BeforeAll
  static void indexFixtures() {
    index = Fixtures.index();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void sirolimusForPrcaIsRelatedByConditionAndBySynonymousDrugNames() {
    List<RelatedTrial> related = index.relatedTo("NCT03364764", 5);
    Map<String, String> reasons = related.stream().collect(Collectors.toMap(RelatedTrial::nctId, RelatedTrial::reason));
    assertThat(reasons).doesNotContainKey("NCT03364764");
    assertThat(reasons.get("NCT03918265")).isEqualTo("Same condition: pure red cell aplasia");
    // "Sirolimus (Rapamune®)" and "Sirolimus Tablets" are the same drug
    assertThat(reasons.get("NCT06802055")).isEqualTo("Same drug: sirolimus");
  }

  @Test
  void eachDrugOfACombinationAndAConditionWithoutItsQualifierCount() {
    // NCT04324411's intervention is "sirolimus and ATRA"; NCT02979873 lists no conditions or interventions, only its
    // title names sirolimus and severe aplastic anemia.
    Map<String, String> combination = index.relatedTo("NCT04324411", 10).stream()
        .collect(Collectors.toMap(RelatedTrial::nctId, RelatedTrial::reason));
    assertThat(combination.get("NCT03364764")).containsIgnoringCase("same drug: sirolimus");
    List<RelatedTrial> aplastic = index.relatedTo("NCT06802055", 3);
    assertThat(aplastic).extracting(RelatedTrial::nctId).contains("NCT02979873");
    assertThat(aplastic.stream().filter(r -> r.nctId().equals("NCT02979873")).findFirst().orElseThrow().reason())
        .contains("aplastic").contains("sirolimus");
  }

  @Test
  void aTrialNamingItsTopicsOnlyInTheTitleGivesReadableReasonsEachOnce() {
    // NCT02979873 lists no conditions or interventions: what its title names is shared as a topic, by readable names
    List<RelatedTrial> related = index.relatedTo("NCT02979873", 5);
    assertThat(related).isNotEmpty();
    for (RelatedTrial r : related) {
      assertThat(r.reason()).as(r.nctId()).doesNotContainPattern("\\b(saa|aa)\\b");
      String[] named = r.reason().replaceAll("^[^:]*: ", "").split(", |; [^:]*: ");
      assertThat(named).as("each name once in " + r.reason()).doesNotHaveDuplicates();
    }
    assertThat(related.getFirst().reason()).containsIgnoringCase("aplastic");
  }

  @Test
  void conditionAndDrugTogetherRankAboveEitherAlone() {
    try (LuceneTrialIndex own = LuceneTrialIndex.inMemory()) {
      own.index(List.of(
          trial("NCT00000001").title("Sirolimus for pure red cell aplasia").condition("Pure Red Cell Aplasia")
              .drug("Sirolimus").build(),
          trial("NCT00000002").title("Rapamycin in PRCA").condition("PRCA").drug("Rapamune").build(),
          trial("NCT00000003").title("Tacrolimus in red cell aplasia").condition("Red cell aplasia")
              .drug("Tacrolimus").build(),
          trial("NCT00000004").title("Sirolimus in ALPS").condition("ALPS").drug("Sirolimus").build(),
          trial("NCT00000005").title("Danazol in ITP").condition("ITP").drug("Danazol").build()));
      List<RelatedTrial> related = own.relatedTo("NCT00000001", 10);
      assertThat(related.getFirst().nctId()).isEqualTo("NCT00000002");
      assertThat(related.getFirst().reason())
          .isEqualTo("Same condition: pure red cell aplasia; same drug: sirolimus");
      // a shared condition weighs more than a shared drug; a trial sharing nothing is not related
      assertThat(related).extracting(RelatedTrial::nctId)
          .containsExactly("NCT00000002", "NCT00000003", "NCT00000004");
      assertThat(related.get(2).reason()).isEqualTo("Same drug: sirolimus");
    }
  }

  @Test
  void unknownTrialHasNoRelatedTrialsAndNMustBePositive() {
    assertThat(index.relatedTo("NCT99999999", 5)).isEmpty();
    assertThatThrownBy(() -> index.relatedTo("NCT03364764", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
