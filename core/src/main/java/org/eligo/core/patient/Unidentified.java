package org.eligo.core.patient;

import java.util.Set;

/**
 * The concept a record reader gives a diagnosis or medication it cannot identify: only codes Eligo's terminology does
 * not hold (SNOMED CT 306058006 with no name beside it, an RxNorm product code not in the data), no text and no
 * display. Such an entry may be exactly what a criterion asks about, so it never lets a criterion be decided as
 * absent: a diagnosis or drug criterion the rest of the record leaves NOT_MET becomes UNKNOWN, with the question
 * what the entry is. It never makes a criterion MET.
 *
 * <p>An entry that has a name Eligo does not recognise ("Hypertensive disorder") is not unidentified: its name says
 * what it is, and the terminology knows the names of the diseases and drugs that criteria ask about.
 */
public final class Unidentified {
  /** The concept id; no terminology concept has it. */
  public static final String CONCEPT = "unidentified-code";
  /** {@link #CONCEPT} alone. */
  public static final Set<String> CONCEPTS = Set.of(CONCEPT);

  /**
   * The concept a record reader gives an entry that is a blood product or a transfusion whose kind Eligo cannot tell,
   * or that may be one: "FFP 2 units", "Red cell exchange", an ISBT 128 product code, "Blood product administered"
   * (DECISIONS 87). It never makes a rule MET; a transfusion rule the rest of the record leaves NOT_MET becomes
   * UNKNOWN, with the question what the entry was.
   */
  public static final String BLOOD_PRODUCT = "unclassified-blood-product";
  /** {@link #BLOOD_PRODUCT} alone. */
  public static final Set<String> BLOOD_PRODUCTS = Set.of(BLOOD_PRODUCT);
  /** The transfusion concepts: a rule over any of them is one an unclassified blood product may answer. */
  public static final Set<String> TRANSFUSIONS = Set.of("transfusion", "red-cell-transfusion", "platelet-transfusion");

  private Unidentified() {}

  /** Whether a procedure rule over {@code concepts} asks about a transfusion (of any kind). */
  public static boolean aboutTransfusion(Set<String> concepts) {
    for (String c : concepts) if (TRANSFUSIONS.contains(c)) return true;
    return false;
  }

  /** Whether the fact's concepts mark it unidentified. */
  public static boolean marks(Set<String> concepts) {
    return concepts.contains(CONCEPT);
  }
}
