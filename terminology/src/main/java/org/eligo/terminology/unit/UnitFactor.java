package org.eligo.terminology.unit;

/** How to convert values from one UCUM unit into another: a multiplying factor, or why it cannot be done. */
public sealed interface UnitFactor {
    /** Multiply a value in the source unit by {@code factor} to get it in the target unit. */
    record Factor(double factor) implements UnitFactor {
    }

    /** The units measure different things (e.g. mass concentration vs. count per volume), or one is not valid UCUM. */
    record Incompatible(String reason) implements UnitFactor {
    }
}
