package org.eligo.core.logic;

import java.util.function.Supplier;

/**
 * A criterion's status in Kleene's strong three-valued logic: {@code MET}, {@code NOT_MET}, or {@code UNKNOWN} when
 * the patient record cannot settle it.
 *
 * <p>{@code and} is the minimum and {@code or} the maximum under NOT_MET &lt; UNKNOWN &lt; MET; {@code not} swaps MET
 * and NOT_MET and keeps UNKNOWN. Missing data therefore never turns into a NOT_MET by itself.
 */
public enum Truth {
  NOT_MET, UNKNOWN, MET;

  public static Truth of(boolean value) {
    return value ? MET : NOT_MET;
  }

  public Truth and(Truth other) {
    return this.ordinal() <= other.ordinal() ? this : other;
  }

  public Truth or(Truth other) {
    return this.ordinal() >= other.ordinal() ? this : other;
  }

  public Truth not() {
    return switch (this) {
      case MET -> NOT_MET;
      case NOT_MET -> MET;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** {@code and} that skips computing {@code other} when this is already NOT_MET. */
  public Truth andThen(Supplier<Truth> other) {
    return this == NOT_MET ? NOT_MET : and(other.get());
  }

  public boolean isMet() {
    return this == MET;
  }

  public boolean isNotMet() {
    return this == NOT_MET;
  }

  public boolean isUnknown() {
    return this == UNKNOWN;
  }
}
