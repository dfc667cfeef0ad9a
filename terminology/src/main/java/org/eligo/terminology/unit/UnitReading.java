package org.eligo.terminology.unit;

/** The result of reading a unit as written: a UCUM unit, or the reason it could not be read. */
public sealed interface UnitReading {
    /** The text as given. */
    String written();

    /** The unit was recognized; {@code ucum} is its UCUM form, e.g. {@code 10*9/L}. */
    record Recognized(String written, String ucum) implements UnitReading {
    }

    /** The unit was not recognized. */
    record Unrecognized(String written, String reason) implements UnitReading {
    }
}
