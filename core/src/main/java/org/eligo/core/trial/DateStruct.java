package org.eligo.core.trial;

/** A registry date with whether it has happened ({@code ACTUAL}) or is planned ({@code ESTIMATED}). */
public record DateStruct(PartialDate date, DateType type) {

  /** API v2 {@code DateType}. */
  public enum DateType { ACTUAL, ESTIMATED }

  public boolean isEstimated() {
    return type == DateType.ESTIMATED;
  }
}
