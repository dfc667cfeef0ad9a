package org.eligo.criteria.lexicon;

/**
 * A measure rules can compare: its key, words for people and the canonical unit thresholds are stated in.
 *
 * @param canonicalUnit UCUM unit, e.g. {@code 10*9/L}; empty for unitless scores such as ECOG
 * @param unitWhenOmitted the unit a bare number after the measure's name means ("eGFR ≥ 60": mL/min/{1.73_m2}), or
 *     null when a number needs its unit
 * @param capitalised whether the label starts with a name that keeps its capital inside a sentence ("Karnofsky"),
 *     as the measure's synonyms write it
 */
public record MeasureInfo(String key, String label, String canonicalUnit, String unitWhenOmitted,
                          boolean capitalised) {
  public MeasureInfo(String key, String label, String canonicalUnit) {
    this(key, label, canonicalUnit, null, false);
  }
}
