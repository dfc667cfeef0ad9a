package org.eligo.criteria.lexicon;

/**
 * A concept named in a sentence.
 *
 * @param id concept id (or measure key for {@link ConceptKind#MEASURE})
 * @param start offset of the words in the sentence searched
 * @param end offset just after them
 * @param label words for people, e.g. "myelodysplastic syndrome"
 */
public record ConceptMention(String id, ConceptKind kind, int start, int end, String label) {
  public ConceptMention {
    if (start < 0 || end <= start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }
}
