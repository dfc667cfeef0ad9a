package org.eligo.criteria.parse;

/**
 * One parser pass: finds what it knows in a sentence and records it (readings, explained qualifiers, questions, or a
 * rule for the whole sentence). Recognisers are stateless, hold their patterns precompiled and run in the order
 * {@link ParserPasses} lists.
 */
public interface Recogniser {
  void read(Sentence sentence);
}
