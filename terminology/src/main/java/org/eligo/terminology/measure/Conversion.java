package org.eligo.terminology.measure;

/** The result of converting a measured value into its measure's canonical unit. */
public sealed interface Conversion {
    /** The value in the canonical unit. */
    record Converted(double value, String unit) implements Conversion {
    }

    /** The value could not be converted; {@code message} says why in words a user can read. */
    record Failed(Reason reason, String message) implements Conversion {
    }

    /** Why a conversion failed. */
    enum Reason {
        /** The unit string is not one the terminology can read. */
        UNKNOWN_UNIT,
        /** The unit measures something else (e.g. mg/dL given for a count). */
        INCOMPATIBLE_UNIT,
        /** The converted value is outside the measure's plausible range. */
        IMPLAUSIBLE_VALUE,
        /** The measure is coded, not numeric. */
        NOT_NUMERIC
    }
}
