package org.eligo.core.rule;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concept ids a rule names, as an unmodifiable set that also carries them as bits, so that "does the patient have
 * any of these?" is an intersection of two bit sets rather than a hash look-up per concept. Numbers are given only to
 * concepts that rules name; a patient's other concepts can never answer such a question and are left out ({@link
 * #numberedAmong}), which keeps the numbering as small as the rules' vocabulary however many patients pass through.
 * Equal to any other set with the same ids.
 */
public final class ConceptSet extends AbstractSet<String> {
  private static final ConcurrentHashMap<String, Integer> NUMBERS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();
  /** Bumped after a new number is visible in {@link #NUMBERS}, never before: see {@link #generation}. */
  private static final AtomicInteger GENERATION = new AtomicInteger();

  /** Up to this many concepts are tested one number at a time: cheaper than a word-by-word intersection. */
  private static final int FEW = 8;

  private final Set<String> concepts;
  private final BitSet bits = new BitSet();
  /** The numbers of a set of {@link #FEW} concepts or fewer; null for a larger set. */
  private final int[] few;

  private ConceptSet(Set<String> concepts) {
    this.concepts = concepts;
    for (String concept : concepts) bits.set(number(concept));
    this.few = concepts.size() <= FEW ? bits.stream().toArray() : null;
  }

  private static int number(String concept) {
    Integer number = NUMBERS.get(concept);
    if (number == null) {
      number = NUMBERS.computeIfAbsent(concept, k -> NEXT.getAndIncrement());
      GENERATION.incrementAndGet(); // after the number is visible, so bits made at this generation include it
    }
    return number;
  }

  /** The same ids (no nulls), numbered. */
  public static ConceptSet copyOf(Collection<String> concepts) {
    return concepts instanceof ConceptSet set ? set : new ConceptSet(Set.copyOf(concepts));
  }

  /** The numbers of these concepts, ascending (as {@link #numberedAmong} sets them). */
  public int[] numbers() {
    return few != null ? few.clone() : bits.stream().toArray();
  }

  /** Whether any concept numbered in {@code numbered} (from {@link #numberedAmong}) is in this set. */
  public boolean intersects(BitSet numbered) {
    // numbers run into the tens of thousands once drugs are numbered: a word-by-word intersection of two such sets
    // reads hundreds of words where one to three bits answer (ranking 10,000 trials spent half its time there)
    if (few != null) {
      for (int number : few) if (numbered.get(number)) return true;
      return false;
    }
    return bits.intersects(numbered);
  }

  /** The numbers of those of {@code concepts} that some rule names. */
  public static BitSet numberedAmong(Collection<String> concepts) {
    BitSet numbered = new BitSet();
    for (String concept : concepts) {
      Integer number = NUMBERS.get(concept);
      if (number != null) numbered.set(number);
    }
    return numbered;
  }

  /**
   * How many concepts are numbered. It grows when a rule names a new concept, so bits from {@link #numberedAmong}
   * made at a smaller generation may miss it and must be made again.
   */
  public static int generation() {
    return GENERATION.get();
  }

  @Override
  public Iterator<String> iterator() {
    return concepts.iterator();
  }

  @Override
  public int size() {
    return concepts.size();
  }

  @Override
  public boolean contains(Object o) {
    return concepts.contains(o);
  }
}
