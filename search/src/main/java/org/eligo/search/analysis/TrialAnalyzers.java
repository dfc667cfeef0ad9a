package org.eligo.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysers of trial text: one for indexing, one for queries (the same chain plus synonyms), and the one that
 * reads the synonyms file.
 *
 * <p>Index chain: standard tokenizer, possessive "'s" removed, lower case, accents folded (Sjögren to sjogren), British
 * spellings folded ({@link SpellingVariantFilter}), light English stemming (plural "s" only). The query chain keeps
 * short capital abbreviations in capitals ({@link CapitalAbbreviationFilter}) until the synonym graph filter has
 * seen them, then lower-cases and stems exactly as the index chain does, so every query term can meet an indexed
 * one. English stop words ("for", "the", "with") are dropped from queries only, before the synonym filter: the index
 * keeps them, so a quoted phrase still matches across its gap, while "rapamycin for red cell aplasia" does not match
 * every trial through "for". Synonym entries must therefore contain no stop words (the parser rejects them).
 */
public final class TrialAnalyzers {

  /** Gap between values of a multi-valued field, so that a phrase never spans two conditions. */
  public static final int VALUE_GAP = 100;

  private TrialAnalyzers() {}

  /** The analyser of indexed words, without concept tokens (names are compared in these words). */
  public static Analyzer index() {
    return indexWithConcepts(null);
  }

  /**
   * The analyser for indexing text fields: {@link #index()} with the concept tokens of the synonym entries each text
   * names ({@link ConceptMentionFilter}), so that queries look a concept up as one term.
   */
  public static Analyzer indexWithConcepts(SynonymConcepts concepts) { // null: without concept tokens
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        if (concepts != null) stream = new CapitalAbbreviationMarker(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new SpellingVariantFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        if (concepts != null) stream = new ConceptMentionFilter(stream, concepts);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new SpellingVariantFilter(new ASCIIFoldingFilter(new LowerCaseFilter(in)));
      }

      @Override
      public int getPositionIncrementGap(String field) {
        return VALUE_GAP;
      }
    };
  }

  /** The words of {@code text} as {@code analyzer} makes them, joined by one space. */
  public static String words(Analyzer analyzer, String text) {
    java.util.StringJoiner words = new java.util.StringJoiner(" ");
    try (TokenStream stream = analyzer.tokenStream("words", text)) {
      var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) words.add(term.toString());
      stream.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return words.toString();
  }

  /** The analyser that reads synonym entries: the query chain up to (not including) the synonym filter. */
  public static Analyzer synonymEntries() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, beforeSynonyms(source));
      }
    };
  }

  /**
   * The analyser for query text: the index chain with the synonym graph in the middle. With the expanding map of
   * {@link TrialSynonyms#map()} an entry becomes its alternatives (used for quoted phrases, matched against the words
   * of the text); with {@link SynonymConcepts#queryMap()} it becomes its one concept token.
   */
  public static Analyzer query(SynonymMap synonyms) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = beforeSynonyms(source);
        if (synonyms.fst != null) stream = new SynonymGraphFilter(stream, synonyms, false);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new SpellingVariantFilter(new ASCIIFoldingFilter(new LowerCaseFilter(in)));
      }
    };
  }

  private static TokenStream beforeSynonyms(TokenStream source) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new CapitalAbbreviationFilter(stream);
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stream = new ASCIIFoldingFilter(stream);
    return new SpellingVariantFilter(stream);
  }
}
