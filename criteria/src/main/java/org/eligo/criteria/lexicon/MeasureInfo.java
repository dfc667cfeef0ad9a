package org.eligo.criteria.lexicon;

/**
 * A measure rules can compare: its key, words for people and the canonical unit thresholds are stated in.
 *
 * @param canonicalUnit UCUM unit, e.g. {@code 10*9/L}; empty for unitless scores such as ECOG
 */
public record MeasureInfo(String key, String label, String canonicalUnit) {}
