package org.eligo.terminology.measure;

/** How a measure's values are expressed. */
public enum ValueType {
    /** A number with a unit (counts, concentrations, weight). */
    QUANTITY,
    /** A number on a fixed scale without a physical unit (ECOG 0-5). */
    ORDINAL,
    /** A coded answer, not a number (pregnancy status); not convertible. */
    CODED
}
