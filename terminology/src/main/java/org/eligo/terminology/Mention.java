package org.eligo.terminology;

/**
 * A place in a sentence that names a concept.
 *
 * @param conceptId the concept named
 * @param kind      the concept's kind
 * @param start     index of the first character of the mention in the sentence
 * @param end       index after the last character (so {@code sentence.substring(start, end)} is {@code text})
 * @param text      the words as written in the sentence
 */
public record Mention(String conceptId, Kind kind, int start, int end, String text) {
}
