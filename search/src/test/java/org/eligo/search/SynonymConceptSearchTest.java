package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.search.kit.TrialBuilder.trial;

import java.util.List;
import org.eligo.search.analysis.TrialSynonyms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synonyms are indexed as concepts (one term for a disease or a drug class with all its names); what a search finds
 * must be what the synonym list says: both ways for equivalent names, one way for a class, capitals for short
 * abbreviations, and quoted phrases as words in a row.
 */
class SynonymConceptSearchTest {

  LuceneTrialIndex index;

  @BeforeEach
  void open() {
    index = LuceneTrialIndex.inMemory();
    index.index(List.of(
        trial("NCT00000011").title("Romiplostim for children").condition("Immune Thrombocytopenic Purpura")
            .drug("Nplate").build(),
        trial("NCT00000012").title("A TPO-RA after first-line therapy").condition("Thrombocytopenia").build(),
        trial("NCT00000013").title("Eltrombopag added to immunosuppression")
            .condition("Severe Aplastic Anaemia").drug("Revolade").build(),
        trial("NCT00000014").title("Aplastic anemia patients on horse ATG").condition("Bone marrow failure")
            .summary("Estudio: es un ensayo.").build(),
        trial("NCT00000015").title("Evans syndrome in adolescents").condition("Evans' Syndrome").build(),
        trial("NCT00000016").title("Red blood cells").summary("Cell counts in aplasia and red urine.").build(),
        trial("NCT00000017").title("Two conditions").condition("Refractory aplastic").condition("Anemia").build(),
        trial("NCT00000018").title("Peptide study").summary("An aa sequence and an ss bond.").build(),
        trial("NCT00000019").title("TPORA in children").condition("Thrombocytopenia").build(),
        trial("NCT00000020").title("Prograf after transplant").summary("Afinitor, then LNP023.").build(),
        trial("NCT00000021").title("Long record")
            .summary("word ".repeat(3998) + "immune thrombocytopenia at the very end").build()));
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void aClassFindsItsMembersAndTheirBrandsButAMemberDoesNotFindTheClass() {
    assertThat(ids("TPO-RA")).containsExactlyInAnyOrder("NCT00000011", "NCT00000012", "NCT00000013",
        "NCT00000019");
    assertThat(ids("thrombopoietin receptor agonists")).containsExactlyInAnyOrder("NCT00000011", "NCT00000012",
        "NCT00000013", "NCT00000019");
    assertThat(ids("eltrombopag")).containsExactly("NCT00000013");
    assertThat(ids("Promacta")).as("a brand finds its drug named by another brand").containsExactly("NCT00000013");
  }

  @Test
  void equivalentNamesFindEachOtherWhicheverIsWritten() {
    assertThat(ids("ITP")).containsExactlyInAnyOrder("NCT00000011", "NCT00000021");
    assertThat(ids("immune thrombocytopenia")).containsExactlyInAnyOrder("NCT00000011", "NCT00000021");
    assertThat(ids("SAA")).containsExactly("NCT00000013");
    assertThat(ids("AA")).as("'severe aplastic anaemia' names aplastic anemia too")
        .containsExactlyInAnyOrder("NCT00000013", "NCT00000014");
    assertThat(ids("ES")).containsExactly("NCT00000015");
  }

  @Test
  void aShortAbbreviationInLowerCaseIsAnOrdinaryWordInTheQueryAndInTheText() {
    assertThat(ids("es")).containsExactly("NCT00000014");
    assertThat(ids("Evans syndrome")).as("the Spanish 'es' is not ES").containsExactly("NCT00000015");
    assertThat(ids("Sjogren syndrome")).as("'ss' in lower case is not SS").isEmpty();
    assertThat(ids("aplastic anemia")).doesNotContain("NCT00000018");
  }

  @Test
  void everyEntryAQueryMayWriteFindsTrialsThatWriteIt() {
    assertThat(ids("TPORA")).contains("NCT00000019");
  }

  @Test
  void aClassFindsItsMembersByEveryNameOnTheMembersOwnLine() {
    assertThat(ids("calcineurin inhibitor")).as("Prograf is tacrolimus").contains("NCT00000020");
    assertThat(ids("mTOR inhibitor")).as("Afinitor is everolimus").contains("NCT00000020");
    assertThat(ids("complement inhibitor")).as("LNP023 is iptacopan").contains("NCT00000020");
  }

  @Test
  void aNameRunningAcrossTheHighlightLimitStillGivesASnippet() {
    TrialHit hit = index.search(TrialQuery.builder().text("ITP").pageSize(50).build()).hits().stream()
        .filter(h -> h.nctId().equals("NCT00000021")).findFirst().orElseThrow();
    assertThat(hit.snippets()).extracting(TrialHit.Snippet::html).asString().contains("<b>immune thrombocytopenia</b>");
  }

  @Test
  void aMultiWordNameMustBeWordsInARow() {
    assertThat(ids("red cell aplasia")).as("'red', 'cell' and 'aplasia' apart are not the disease").isEmpty();
    assertThat(ids("aplastic anemia")).as("nor the end of one condition and the start of the next")
        .doesNotContain("NCT00000017");
  }

  @Test
  void aQuotedPhraseWithANameInsideFindsTheWordsAsWrittenAndThroughSynonyms() {
    assertThat(ids("\"aplastic anemia patients\"")).containsExactly("NCT00000014");
    assertThat(ids("\"horse ATG\"")).containsExactly("NCT00000014");
  }

  @Test
  void snippetsMarkTheWordsThatNamedTheConcept() {
    TrialHit hit = index.search(TrialQuery.text("ITP")).hits().getFirst();
    assertThat(hit.snippets()).extracting(TrialHit.Snippet::html).asString()
        .contains("<b>Immune Thrombocytopenic Purpura</b>");
  }

  @Test
  void anIndexMadeWithOtherSynonymsSaysSoInItsDocumentFormat(@TempDir java.nio.file.Path dir) {
    // the registry rebuilds an index whose recorded format differs (SearchIndexSync)
    try (LuceneTrialIndex other = LuceneTrialIndex.open(dir, TrialSynonyms.parse("ITP, immune thrombocytopenia\n"))) {
      assertThat(other.documentFormat()).isNotEqualTo(index.documentFormat());
    }
  }

  private List<String> ids(String text) {
    return index.search(TrialQuery.builder().text(text).pageSize(50).build()).hits().stream()
        .map(TrialHit::nctId).toList();
  }
}
