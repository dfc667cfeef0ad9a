package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.search.kit.TrialBuilder.trial;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Did you mean …?": a word that finds nothing is offered the registry's closest word; a word that finds a trial is not. */
class SpellingSuggestionTest {

  static LuceneTrialIndex index;

  @BeforeAll
  static void open() {
    index = LuceneTrialIndex.inMemory();
    index.index(List.of(
        trial("NCT00000011").title("Sirolimus in aplastic anemia").condition("Aplastic Anemia").drug("Sirolimus")
            .build(),
        trial("NCT00000012").title("Rituximab in warm autoimmune hemolytic anemia")
            .condition("Autoimmune Hemolytic Anemia").drug("Rituximab").build(),
        trial("NCT00000013").title("Danazol in Evans syndrome").condition("Evans Syndrome").drug("Danazol").build(),
        trial("NCT00000014").title("Single cell sequencing in acute myeloid leukemia").condition("Thrombocytopenia")
            .drug("Eltrombopag").summary("A kind of study where prednisolone is allowed.").build()));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void aMisspeltWordIsOfferedTheClosestWordOfTheRegistry() {
    assertThat(index.didYouMean("aplastik anemia")).contains("aplastic anemia");
    assertThat(index.didYouMean("sirolimsu")).contains("sirolimus");
    assertThat(index.didYouMean("autoimmune hemolitic anemia")).contains("autoimmune hemolytic anemia");
    assertThat(index.didYouMean("Evans syndrom")).contains("Evans syndrome");
    assertThat(index.didYouMean("thrombocytopinea")).as("two errors in a long word").contains("thrombocytopenia");
  }

  @Test
  void wordsThatFindTrialsAsTypedOrThroughASynonymOrSpellingAreLeftAlone() {
    assertThat(index.didYouMean("aplastic anaemia")).isEmpty(); // British spelling
    assertThat(index.didYouMean("rapamycin")).isEmpty(); // synonym of sirolimus
    assertThat(index.didYouMean("Rapamune")).isEmpty(); // brand name
    assertThat(index.didYouMean("NCT00000011")).isEmpty();
  }

  @Test
  void abbreviationsQuotedPhrasesAndWordsFarFromAnyAreNotCorrected() {
    assertThat(index.didYouMean("AIHQ")).as("an unknown abbreviation is not a typing error").isEmpty();
    assertThat(index.didYouMean("\"aplastik anemia\"")).isEmpty();
    assertThat(index.didYouMean("xylophone")).isEmpty();
    assertThat(index.didYouMean("myeloma")).as("a real term the registry lacks is not 'myeloid'").isEmpty();
    assertThat(index.didYouMean("sickle cell disease")).as("nor 'sickle' single").isEmpty();
    assertThat(index.didYouMean("prednisone")).as("nor prednisone prednisolone").isEmpty();
    assertThat(index.didYouMean("kids")).as("a short word is left as typed").isEmpty();
    assertThat(index.didYouMean("")).isEmpty();
  }
}
