package org.eligo.terminology.measure;

/**
 * The values, in the canonical unit, that a real patient can have; anything outside is a data or unit error.
 *
 * @param min lowest plausible value (inclusive)
 * @param max highest plausible value (inclusive)
 * @param zero whether a result of exactly 0 is plausible though values between 0 and {@code min} are not: a platelet
 *     count of 0 is reported in severe ITP or aplastic anaemia, while 0.15 × 10⁹/L is a count per µL written under a
 *     unit of thousands (DECISIONS 93 review)
 */
public record PlausibleRange(double min, double max, boolean zero) {
    public PlausibleRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("plausible range min " + min + " > max " + max);
        }
    }

    /** A range without a separately plausible 0. */
    public PlausibleRange(double min, double max) {
        this(min, max, false);
    }

    public boolean contains(double value) {
        return (value >= min && value <= max) || (zero && value == 0);
    }
}
