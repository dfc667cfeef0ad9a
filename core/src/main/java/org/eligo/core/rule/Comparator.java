package org.eligo.core.rule;

/** How a value compares with a threshold. */
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
    return switch (this) {
      case LT -> value < threshold;
      case LE -> value <= threshold;
      case GT -> value > threshold;
      case GE -> value >= threshold;
      case EQ -> value == threshold;
    };
  }
}
