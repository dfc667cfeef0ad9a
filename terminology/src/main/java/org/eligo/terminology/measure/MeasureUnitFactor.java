package org.eligo.terminology.measure;

/**
 * A measure-specific conversion UCUM cannot do, e.g. hemoglobin mmol/L to g/L (it needs the molar mass).
 *
 * @param unit        the UCUM unit it converts from (values in units comparable to it are converted through it)
 * @param toCanonical multiply a value in {@code unit} by this to get the canonical unit
 * @param source      where the factor comes from
 */
public record MeasureUnitFactor(String unit, double toCanonical, String source) {
}
