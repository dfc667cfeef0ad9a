package org.eligo.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Indexed text gets the concept tokens of the entries it names, at the right place, spanning the right words. */
class ConceptMentionFilterTest {

  private static final TrialSynonyms SYNONYMS = TrialSynonyms.bundled();
  private static final SynonymConcepts CONCEPTS = new SynonymConcepts(SYNONYMS);
  private static final Analyzer INDEX = TrialAnalyzers.indexWithConcepts(CONCEPTS);

  @Test
  void overlappingMentionsEachGetTheirConceptAtTheirFirstWordSpanningTheirWords() {
    assertThat(tokens("Severe aplastic anaemia")).containsExactly(
        "severe@0[0,6]", "≡saa≡@0[0,23]", "aplastic@1[7,15]", "≡aa≡@1[7,23]", "anemia@2[16,23]",
        "≡anemia≡@2[16,23]");
  }

  @Test
  void aMemberOfAClassGetsItsOwnConceptAndTheClasss() {
    assertThat(tokens("romiplostim")).containsExactlyInAnyOrder("romiplostim@0[0,11]", "≡romiplostim≡@0[0,11]",
        "≡tpo_ra≡@0[0,11]");
  }

  @Test
  void wordsThatBeginAnEntryButDoNotFinishItGetNothingAndStayInOrder() {
    assertThat(tokens("pure red blood, then cell aplasia")).containsExactly("pure@0[0,4]", "red@1[5,8]",
        "blood@2[9,14]", "then@3[16,20]", "cell@4[21,25]", "aplasia@5[26,33]");
    assertThat(tokens("immune thrombocytopenia")).containsExactly("immune@0[0,6]", "≡itp≡@0[0,23]",
        "thrombocytopenia@1[7,23]");
  }

  @Test
  void aMentionEndingTheTextAndOneRightAfterAnotherAreBothFound() {
    assertThat(tokens("danazol ITP")).containsExactly("danazol@0[0,7]", "≡danazol≡@0[0,7]", "itp@1[8,11]",
        "≡itp≡@1[8,11]");
    assertThat(tokens("ATG")).as("what queries for horse or rabbit ATG find too")
        .containsExactlyInAnyOrder("atg@0[0,3]", "≡atg≡@0[0,3]", "≡horse_atg≡@0[0,3]", "≡rabbit_atg≡@0[0,3]");
  }

  @Test
  void aNameInsideALongerNameOfTheSameConceptAddsNothing() {
    assertThat(tokens("pure red cell aplasia")).filteredOn(t -> t.startsWith("≡prca≡")).hasSize(1);
    assertThat(tokens("hematopoietic stem cell transplantation")).filteredOn(t -> t.startsWith("≡hsct≡"))
        .hasSize(1);
    assertThat(tokens("red cell aplasia, later pure red cell aplasia")).as("two mentions apart count twice")
        .filteredOn(t -> t.startsWith("≡prca≡")).hasSize(2);
  }

  @Test
  void anAbbreviationGivenOnlyInCapitalsNamesItsConceptOnlyInCapitals() {
    assertThat(tokens("ES")).contains("≡es≡@0[0,2]");
    assertThat(tokens("es")).containsExactly("es@0[0,2]");
    assertThat(tokens("itp")).as("given in lower case as well").contains("≡itp≡@0[0,3]");
  }

  @Test
  void theQueryAnalyserTurnsAnEntryIntoTheConceptTheIndexGivesIt() {
    Analyzer query = TrialAnalyzers.query(CONCEPTS.queryMap());
    assertThat(TrialAnalyzersTest.terms(query, "thrombopoietin receptor agonists for AIHA"))
        .containsExactly("≡tpo_ra≡", "≡aiha≡");
    assertThat(TrialAnalyzersTest.terms(query, "aiha")).containsExactly("≡aiha≡");
    assertThat(TrialAnalyzersTest.terms(query, "es")).containsExactly("es");
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = INDEX.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(term + "@" + position + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
      }
      stream.end();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return tokens;
  }
}
