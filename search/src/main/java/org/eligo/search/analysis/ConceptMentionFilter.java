package org.eligo.search.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the concept tokens of the synonym entries a text names ({@link SynonymConcepts}) to indexed text: each at the
 * position of the mention's first word, spanning the mention's characters (so a snippet highlights the words), its
 * words kept. Mentions may overlap ("severe aplastic anemia" names both severe and plain aplastic anemia) and are
 * words in a row only.
 *
 * <p>Most words begin no entry and pass straight through; only from a word that may begin one are the following words
 * read ahead (and held) while they may still continue it.
 */
public final class ConceptMentionFilter extends TokenFilter {

  /** The token type of concept tokens. */
  public static final String TYPE = "CONCEPT";

  private final SynonymConcepts concepts;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);

  /** Words read ahead, not yet given out. */
  private final ArrayDeque<Word> ahead = new ArrayDeque<>();
  /** Concept tokens to give out after the word just given: each with the offsets of its mention. */
  private final ArrayDeque<Concept> pending = new ArrayDeque<>();
  private State conceptBase;
  private boolean exhausted;
  /** The number of words given out so far (the index of the next). */
  private int wordsOut;
  /** For each concept given out, the index of the last word of its mention: an overlapping mention adds nothing. */
  private final java.util.Map<String, Integer> coveredUntil = new java.util.HashMap<>();

  private record Word(State state, String text, int start, int end, int increment, boolean capitals) {}

  private record Concept(String token, int start, int end) {}

  public ConceptMentionFilter(TokenStream input, SynonymConcepts concepts) {
    super(input);
    this.concepts = concepts;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      Concept concept = pending.poll();
      restoreState(conceptBase);
      term.setEmpty().append(concept.token());
      increment.setPositionIncrement(0);
      offset.setOffset(concept.start(), concept.end());
      type.setType(TYPE);
      return true;
    }
    Word first;
    if (!ahead.isEmpty()) {
      first = ahead.poll();
      restoreState(first.state());
    } else {
      if (exhausted || !input.incrementToken()) {
        exhausted = true;
        return false;
      }
      if (!concepts.mayBeginAMention(term.buffer(), term.length())) {
        wordsOut++;
        return true; // most words
      }
      String text = term.toString();
      boolean capitals = capitals();
      first = new Word(captureState(), text, offset.startOffset(), offset.endOffset(),
          increment.getPositionIncrement(), capitals);
    }
    findMentions(first, wordsOut++);
    if (!pending.isEmpty()) conceptBase = first.state();
    return true;
  }

  private boolean capitals() {
    return (flags.getFlags() & CapitalAbbreviationMarker.CAPITAL_ABBREVIATION) != 0;
  }

  /**
   * Queues the concepts of the mentions that begin at {@code first} (word {@code at} of the text), reading ahead as
   * far as they may go. A concept already given for a mention that covers this word is not given again: "pure red
   * cell aplasia" names PRCA once, not also through "red cell aplasia".
   */
  private void findMentions(Word first, int at) throws IOException {
    String words = first.text();
    int end = first.end();
    int index = 0;
    while (true) {
      for (String concept : concepts.conceptsOf(words, index == 0 && first.capitals())) {
        Integer covered = coveredUntil.get(concept);
        if (covered == null || covered < at) {
          coveredUntil.put(concept, at + index);
          pending.add(new Concept(concept, first.start(), end));
        } else if (covered < at + index) {
          coveredUntil.put(concept, at + index); // the longer mention (still given once)
        }
      }
      if (!concepts.beginsAMention(words)) break;
      Word next = peek(index++);
      if (next == null || next.increment() != 1) break; // the end, or a gap: another value or a dropped word
      words = words + ' ' + next.text();
      end = next.end();
    }
    // The term attribute now holds whatever was read last: give out the first word as it was.
    restoreState(first.state());
  }

  /** The word {@code index} places ahead of the one being given out, read from the input if need be. */
  private Word peek(int index) throws IOException {
    while (ahead.size() <= index) {
      if (exhausted || !input.incrementToken()) {
        exhausted = true;
        return null;
      }
      ahead.add(new Word(captureState(), term.toString(), offset.startOffset(), offset.endOffset(),
          increment.getPositionIncrement(), capitals()));
    }
    int i = 0;
    for (Word word : ahead) {
      if (i++ == index) return word;
    }
    throw new AssertionError("unreachable");
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    ahead.clear();
    pending.clear();
    conceptBase = null;
    exhausted = false;
    wordsOut = 0;
    coveredUntil.clear();
  }
}
