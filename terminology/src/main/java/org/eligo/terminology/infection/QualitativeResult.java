package org.eligo.terminology.infection;

/** A qualitative laboratory result: the analyte was found (positive, reactive, detected) or not. */
public enum QualitativeResult {
    POSITIVE,
    NEGATIVE
}
