package org.eligo.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A token filter that lower-cases every word except short words written wholly in capitals ("AA", "ES", "ITP").
 *
 * <p>Used before the query-time synonym filter so that an abbreviation expands only when the searcher wrote it as
 * one: "ES" finds Evans syndrome, while "es" (Spanish "is") stays an ordinary word. A word counts as a capital
 * abbreviation when it has two or three characters, all letters, all upper case.
 */
public final class CapitalAbbreviationFilter extends TokenFilter {

  /** Longest word that is kept in capitals. */
  public static final int MAX_GUARDED_LENGTH = 3;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public CapitalAbbreviationFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    char[] buffer = term.buffer();
    int length = term.length();
    if (!isCapitalAbbreviation(buffer, length)) {
      for (int i = 0; i < length; ) {
        i += Character.toChars(Character.toLowerCase(Character.codePointAt(buffer, i, length)), buffer, i);
      }
    }
    return true;
  }

  /** True for "AA", "ES", "ITP"; false for "es", "CsA", "TPORA", "CD20". */
  public static boolean isCapitalAbbreviation(CharSequence word) {
    char[] chars = word.toString().toCharArray();
    return isCapitalAbbreviation(chars, chars.length);
  }

  static boolean isCapitalAbbreviation(char[] buffer, int length) {
    if (length < 2 || length > MAX_GUARDED_LENGTH) return false;
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (!Character.isLetter(c) || !Character.isUpperCase(c)) return false;
    }
    return true;
  }
}
