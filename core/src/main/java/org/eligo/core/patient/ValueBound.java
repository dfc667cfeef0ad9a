package org.eligo.core.patient;

/**
 * How a result written as a bound relates to its number: "&lt;0.5" says only that the result lies below 0.5. The FHIR
 * Quantity comparators ({@code <}, {@code <=}, {@code >=}, {@code >}).
 */
public enum ValueBound {
  BELOW("<"), AT_MOST("<="), AT_LEAST(">="), ABOVE(">");

  private final String code;

  ValueBound(String code) {
    this.code = code;
  }

  /** The comparator as the record writes it before the number: {@code <}, {@code <=}, {@code >=}, {@code >}. */
  public String code() {
    return code;
  }

  /** Whether the result may lie only below the number (or on it). */
  public boolean upper() {
    return this == BELOW || this == AT_MOST;
  }

  /** Whether the number itself is a possible result ({@code <=}, {@code >=}). */
  public boolean inclusive() {
    return this == AT_MOST || this == AT_LEAST;
  }

  /** The bound a comparator code writes, or null for a code that is not one of the four. */
  public static ValueBound ofCode(String code) {
    for (ValueBound b : values()) if (b.code.equals(code)) return b;
    return null;
  }
}
