package org.eligo.search.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A token filter that folds British medical spellings onto American ones ("anaemia" to "anemia", "haemolytic" to
 * "hemolytic", "paediatric" to "pediatric"), applied at index and query time so either spelling finds both.
 *
 * <p>Expects lower-case input. Only the fixed rewrites below are applied; words that merely contain "ae" elsewhere
 * are left alone.
 */
public final class SpellingVariantFilter extends TokenFilter {

  /** A rewrite of a word prefix ({@code atStart}) or of any occurrence. */
  private record Rewrite(String from, String to, boolean atStart) {}

  private static final List<Rewrite> REWRITES = List.of(
      new Rewrite("haem", "hem", true),
      new Rewrite("paed", "ped", true),
      new Rewrite("oedem", "edem", true),
      new Rewrite("oesophag", "esophag", true),
      new Rewrite("foet", "fet", true),
      new Rewrite("tumour", "tumor", true),
      new Rewrite("aemia", "emia", false),
      new Rewrite("haem", "hem", false));

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public SpellingVariantFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    String word = term.toString();
    String folded = fold(word);
    if (!folded.equals(word)) term.setEmpty().append(folded);
    return true;
  }

  /** The American spelling of a lower-case word, or the word itself. */
  public static String fold(String word) {
    String result = word;
    for (Rewrite rewrite : REWRITES) {
      if (rewrite.atStart()) {
        if (result.startsWith(rewrite.from())) result = rewrite.to() + result.substring(rewrite.from().length());
      } else if (result.contains(rewrite.from())) {
        result = result.replace(rewrite.from(), rewrite.to());
      }
    }
    return result;
  }
}
