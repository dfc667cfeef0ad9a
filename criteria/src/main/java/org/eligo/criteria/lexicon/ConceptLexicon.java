package org.eligo.criteria.lexicon;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;

/**
 * The parser's port to terminology: finds concepts and measures named in a sentence and converts quantities to a
 * measure's canonical unit. Implementations are built once and shared; every method is thread-safe and cheap.
 */
public interface ConceptLexicon {

  /**
   * Concepts and measures named in {@code sentence}, in text order, each as long as possible. Concept mentions do not
   * overlap one another, nor measure mentions; a measure mention may overlap a concept mention ("PNH clone").
   */
  List<ConceptMention> findMentions(String sentence);

  /** The measure with this key, if known. */
  Optional<MeasureInfo> measure(String key);

  /** True when {@code id} is a known concept id. */
  boolean knowsConcept(String id);

  /**
   * True when {@code test} is the key of a viral-load test for {@code infection} ({@code hbv-dna} for
   * {@code hepatitis-b}); a lexicon without infection tests knows none.
   */
  default boolean knowsViralLoadTest(String test, String infection) {
    return false;
  }

  /**
   * {@code value unit} in the measure's canonical unit; empty when the unit is not one this measure can be converted
   * from. {@code unit} is as the registry wrote it ("x10^9/L", "/mm3", "gm/dL", "%").
   */
  OptionalDouble toCanonical(String measureKey, double value, String unit);

  /**
   * True when {@code conceptId} names a one-off event (myocardial infarction, stroke) rather than a lasting disease: a
   * time window over it counts its onset alone. A lexicon without the mark knows none.
   */
  default boolean isEvent(String conceptId) {
    return false;
  }

  /**
   * Concepts that include {@code conceptId}, transitively, without it: what a record may carry when it is less
   * specific than a criterion (aplastic-anemia for acquired-aplastic-anemia). Empty when unknown or none.
   */
  default Set<String> broaderThan(String conceptId) {
    return Set.of();
  }

  /**
   * The single agents a class includes, transitively: the members that are no class themselves (eltrombopag,
   * romiplostim … for {@code tpo-receptor-agonist}). Empty for a single agent, an unknown id, or a lexicon without
   * classes. "At least two different TPO-RAs" counts these (DECISIONS §73).
   */
  default Set<String> agentsOf(String classId) {
    return Set.of();
  }

  /**
   * The concepts a class names as its members, not transitively (corticosteroid, ivig, tpo-receptor-agonist … for
   * {@code itp-therapy}). Empty for a single agent, an unknown id, or a lexicon without classes.
   */
  default Set<String> membersOf(String classId) {
    return Set.of();
  }
}
