package org.eligo.terminology.measure;

/**
 * The values, in the canonical unit, that a real patient can have; anything outside is a data or unit error.
 *
 * @param min lowest plausible value (inclusive)
 * @param max highest plausible value (inclusive)
 */
public record PlausibleRange(double min, double max) {
    public PlausibleRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("plausible range min " + min + " > max " + max);
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
