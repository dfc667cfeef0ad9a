package org.eligo.terminology.measure;

/**
 * A place in a sentence that names a measure, e.g. "ANC" or "serum creatinine".
 *
 * @param measureKey the measure named
 * @param start      index of the first character in the sentence
 * @param end        index after the last character
 * @param text       the words as written
 */
public record MeasureMention(String measureKey, int start, int end, String text) {
}
