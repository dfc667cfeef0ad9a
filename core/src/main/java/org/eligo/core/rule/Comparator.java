package org.eligo.core.rule;

/**
 * How a value compares with a threshold. Values within a relative 1e-9 of the threshold count as equal to it, so
 * that arithmetic on doubles (1.5 × 1.2 = 1.7999999999999998; unit conversions) never moves a value that is exactly on
 * the threshold to the wrong side.
 */
public enum Comparator {
  LT("<"), LE("≤"), GT(">"), GE("≥"), EQ("=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean test(double value, double threshold) {
    if (Math.abs(value - threshold) <= 1e-9 * Math.max(1.0, Math.abs(threshold))) value = threshold;
    return switch (this) {
      case LT -> value < threshold;
      case LE -> value <= threshold;
      case GT -> value > threshold;
      case GE -> value >= threshold;
      case EQ -> value == threshold;
    };
  }
}
