package org.eligo.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialAnalyzersTest {

  private static final TrialSynonyms SYNONYMS = TrialSynonyms.bundled();
  private static final Analyzer QUERY = TrialAnalyzers.query(SYNONYMS.map());
  private static final Analyzer INDEX = TrialAnalyzers.index();

  @Test
  void indexFoldsCaseAccentsBritishSpellingAndPlurals() {
    assertThat(terms(INDEX, "Sjögren's Haemolytic Anaemias in Paediatric patients"))
        .containsExactly("sjogren", "hemolytic", "anemia", "in", "pediatric", "patient");
  }

  @Test
  void capitalAbbreviationExpandsButLowerCaseWordDoesNot() {
    assertThat(terms(QUERY, "ES")).contains("es", "evan", "syndrome");
    assertThat(terms(QUERY, "es")).containsExactly("es");
    assertThat(terms(QUERY, "AA")).contains("aplastic", "anemia");
    assertThat(terms(QUERY, "aa")).containsExactly("aa");
  }

  @Test
  void multiWordSynonymsExpandToEachOther() {
    assertThat(terms(QUERY, "red cell aplasia")).contains("prca", "pure");
    assertThat(terms(QUERY, "rapamycin")).contains("sirolimus", "rapamune");
    assertThat(terms(QUERY, "ciclosporin")).contains("cyclosporine", "csa", "neoral");
    assertThat(terms(QUERY, "anti-thymocyte globulin")).contains("atg", "antithymocyte");
  }

  @Test
  void drugClassExpandsToMembersButMembersDoNotExpandToEachOther() {
    assertThat(terms(QUERY, "TPO-RA")).contains("eltrombopag", "romiplostim", "avatrombopag", "revolade");
    assertThat(terms(QUERY, "eltrombopag")).contains("promacta", "revolade").doesNotContain("romiplostim");
  }

  @Test
  void britishSpellingInQueryMeetsAmericanSynonymEntries() {
    assertThat(terms(QUERY, "aplastic anaemia")).contains("aa", "aplastic", "anemia");
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
      "ITP, Immune Thrombocytopenia",
      "Immune thrombocytopenic purpura, itp",
      "Sirolimus (Rapamune®), rapamycin",
      "Sirolimus Tablets, Sirolimus",
      "Cyclosporin A (CsA), ciclosporin",
      "TAC, Tacrolimus",
      "Aplastic Anaemia, Aplastic Anemia",
      "Severe Aplastic Anemia (SAA), severe aplastic anaemia",
      "Antithymocyte globulin (ATG), anti-thymocyte globulin",
  })
  void conceptKeysTreatSynonymsAsTheSame(String a, String b) {
    ConceptKeys keys = new ConceptKeys(SYNONYMS);
    assertThat(keys.key(a)).isEqualTo(keys.key(b));
  }

  @Test
  void conceptKeysKeepDifferentThingsApart() {
    ConceptKeys keys = new ConceptKeys(SYNONYMS);
    assertThat(keys.key("Sirolimus")).isNotEqualTo(keys.key("Tacrolimus"));
    assertThat(keys.key("Aplastic Anemia")).isNotEqualTo(keys.key("Severe Aplastic Anemia"));
  }

  @Test
  void aNameStandsForEachDrugOfACombinationAndForItsConditionWithoutQualifier() {
    ConceptKeys keys = new ConceptKeys(SYNONYMS);
    assertThat(keys.keys("sirolimus and ATRA")).contains(keys.key("rapamycin"), keys.key("all-trans retinoic acid"));
    assertThat(keys.keys("ATG + CsA")).contains(keys.key("antithymocyte globulin"), keys.key("cyclosporine"));
    assertThat(keys.keys("Severe Aplastic Anemia")).containsExactly(keys.key("SAA"), keys.key("aplastic anaemia"));
    assertThat(keys.keys("Anemia, Aplastic")).as("no split at commas").hasSize(1);
    assertThat(keys.mentionedIn("Sirolimus (Rapamune) for Relapse Prevention in Severe Aplastic Anemia"))
        .contains(keys.key("sirolimus"), keys.key("severe aplastic anemia"), keys.key("aplastic anemia"));
  }

  @Test
  void malformedSynonymsFileIsRejectedWithItsLine() {
    assertThatThrownBy(() -> TrialSynonyms.parse("a, b\nc => \n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("synonyms");
  }

  static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) terms.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return terms;
  }
}
