package org.eligo.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;

/**
 * Marks (in the token's flags, which later filters keep) a word written as a short capital abbreviation ("ES", "AA"),
 * before the index chain lower-cases it: {@link ConceptMentionFilter} then gives a synonym entry written that way
 * ("ES" for Evans syndrome) only to a word written that way, not to the Spanish "es".
 */
public final class CapitalAbbreviationMarker extends TokenFilter {

  /** The flag bit set on a short capital abbreviation. */
  public static final int CAPITAL_ABBREVIATION = 1;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);

  public CapitalAbbreviationMarker(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (CapitalAbbreviationFilter.isCapitalAbbreviation(term.buffer(), term.length())) {
      flags.setFlags(flags.getFlags() | CAPITAL_ABBREVIATION);
    }
    return true;
  }
}
