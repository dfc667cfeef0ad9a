package org.eligo.core.patient;

import java.util.Objects;

/**
 * What a viral-load result (HBV DNA, HCV RNA, HIV-1 RNA) says about the virus in the sample, apart from what it shows
 * about the infection: a treated infection has an undetectable load, so "not detected" is a fact about the sample,
 * never that the patient is free of the infection.
 *
 * @param virus  whether the virus was found
 * @param amount the amount reported in {@code unit}, or NaN when the result gives none ("Detected", "Not detected")
 * @param bound  null for an exact amount; for an amount the record writes as a bound ("&lt;20 IU/mL": below the lower
 *     limit of quantification, detected or not), how the result relates to {@code amount}
 * @param unit   {@code [IU]/mL} or {@code {copies}/mL}; empty without an amount. The two are never compared (the
 *     factor between them depends on the virus and the assay), nor with log10 values, which are not read
 */
public record ViralLoad(Virus virus, double amount, ValueBound bound, String unit) {
  /** Whether the virus was found in the sample. */
  public enum Virus {
    /** Found: a positive qualitative result, or an amount above zero. */
    DETECTED,
    /** Not found ("Not detected", "Target not detected", an amount of zero): below the assay's detection limit. */
    NOT_DETECTED,
    /** The result cannot say: an amount below a bound ("&lt;20 IU/mL") may be a trace or nothing. */
    UNSETTLED
  }

  public static final String IU_PER_ML = "[IU]/mL";
  public static final String COPIES_PER_ML = "{copies}/mL";

  public ViralLoad {
    Objects.requireNonNull(virus, "virus");
    unit = unit == null ? "" : unit;
    if (!Double.isNaN(amount) && (amount < 0 || unit.isEmpty())) {
      throw new IllegalArgumentException("an amount must be non-negative and have a unit");
    }
  }

  /** A qualitative result: detected or not, no amount. */
  public static ViralLoad of(Virus virus) {
    return new ViralLoad(virus, Double.NaN, null, "");
  }

  /** Whether the result reports an amount (exact or a bound). */
  public boolean hasAmount() {
    return !Double.isNaN(amount);
  }
}
