package org.eligo.core.rule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as people read them in explanations: thresholds, results, reference limits. */
public final class ReadableNumber {
  private ReadableNumber() {}

  /**
   * The number with the noise of binary arithmetic removed (ten significant digits; every digit before the point is
   * kept) and without trailing zeros: 0.5, 20, 1.25, 150000, and 96.68064 for the 96.68064000000001 g/L a unit
   * conversion leaves. Not rounded further: a result of 149.996 must not read as the threshold 150 it misses.
   */
  public static String of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) return Double.toString(value);
    // the shortest decimal that is this double (0.45, 96.68064000000001), rounded only when noise made it long
    BigDecimal d = new BigDecimal(Double.toString(value));
    if (d.precision() > 10) {
      int integerDigits = d.precision() - d.scale();
      d = d.round(new MathContext(Math.max(10, integerDigits), RoundingMode.HALF_UP));
    }
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** The value without the noise of binary arithmetic (12 significant digits): 96.68064, not 96.68064000000001. */
  public static double clean(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) return value;
    return new BigDecimal(value).round(new MathContext(12, RoundingMode.HALF_EVEN)).doubleValue();
  }
}
