package org.eligo.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;
import org.eligo.search.analysis.TrialAnalyzers;
import org.eligo.search.document.TrialFields;

/**
 * "Did you mean …?" for free text: each word that finds no trial at all (not as written, not through a synonym,
 * spelling variant or identifier) is replaced by the closest word of the registry's own text (one typing error, a
 * swap of neighbouring letters counting as one; two in a word of 12 letters or more; the first letter as typed), the
 * most frequent of equally close ones. Words under 5 letters are left as typed.
 * Words in capitals (abbreviations), with digits, in quotes, and the operators AND/OR/NOT are left as typed: an
 * unknown abbreviation is not a typing error. Nothing is suggested when every word finds something.
 */
public final class SpellingSuggestions {

  /** A plain word: letters, with inner hyphens or apostrophes. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}\"'-])\\p{L}[\\p{L}'-]*\\p{L}(?![\\p{L}\\p{N}\"'-])");
  private static final Pattern INDEX_TERM = Pattern.compile("[a-z][a-z'-]*[a-z]");
  /** Letters from which a word may be two typing errors away from what was meant. */
  static final int LONG_WORD = 12;
  /** Shorter words are not corrected: one letter changes too much of them ("kids" is not "kind"). */
  static final int SHORTEST_WORD = 5;
  /** Words of a query looked at, at most (a pasted paragraph is not spell-checked). */
  private static final int MAX_WORDS = 12;

  private SpellingSuggestions() {}

  /**
   * The text with its unknown words replaced by their closest indexed words; empty when no word needs it.
   *
   * @param findsSomething whether a word alone, searched as free text, finds at least one trial
   */
  public static Optional<String> suggest(IndexReader reader, Analyzer indexWords, String text,
                                         Predicate<String> findsSomething) {
    if (text == null || text.isBlank() || text.indexOf('"') >= 0) return Optional.empty();
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    int looked = 0;
    while (m.find() && looked < MAX_WORDS) {
      String word = m.group();
      String replacement = word;
      if (checkable(word)) {
        looked++;
        if (!findsSomething.test(word)) {
          Optional<String> closest = closest(reader, indexWords, word);
          if (closest.isPresent()) {
            replacement = closest.get();
            changed = true;
          }
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  private static boolean checkable(String word) {
    if (word.length() < SHORTEST_WORD) return false;
    if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) return false;
    // in capitals: an abbreviation, not a misspelling
    return !word.equals(word.toUpperCase(java.util.Locale.ROOT));
  }

  /** The indexed word closest to {@code word}, within the edits its length allows. */
  static Optional<String> closest(IndexReader reader, Analyzer indexWords, String word) {
    String analysed = TrialAnalyzers.words(indexWords, word);
    if (analysed.isEmpty() || analysed.contains(" ")) return Optional.empty();
    // Two edits only in long words: in shorter ones they turn real terms the registry lacks into others it has
    // ("myeloma" into myeloid, "sickle" into single, "prednisone" into prednisolone).
    int maxEdits = analysed.length() < LONG_WORD ? 1 : 2;
    Map<String, Long> frequency = new LinkedHashMap<>();
    try {
      for (TrialFields.Weighted f : TrialFields.ALL_TEXT) {
        Terms terms = MultiTerms.getTerms(reader, f.field());
        if (terms == null) continue;
        FuzzyTermsEnum candidates = new FuzzyTermsEnum(terms, new Term(f.field(), analysed), maxEdits, 1, true);
        for (BytesRef t = candidates.next(); t != null; t = candidates.next()) {
          String candidate = t.utf8ToString();
          if (candidate.equals(analysed) || !INDEX_TERM.matcher(candidate).matches()) continue;
          frequency.merge(candidate, (long) candidates.docFreq(), Long::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return frequency.entrySet().stream()
        .min(java.util.Comparator.<Map.Entry<String, Long>>comparingInt(e -> distance(analysed, e.getKey()))
            .thenComparing(Map.Entry::getValue, java.util.Comparator.reverseOrder())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey);
  }

  /** Edits (insertion, deletion, substitution, swap of neighbours) from {@code a} to {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
