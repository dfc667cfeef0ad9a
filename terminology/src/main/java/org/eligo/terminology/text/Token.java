package org.eligo.terminology.text;

/**
 * A word or number of a text, with where it is.
 *
 * @param raw          the characters as written
 * @param normalized   the comparison form (see {@link TextNormalizer#normalizeWord})
 * @param start        index of the first character in the text
 * @param end          index after the last character
 * @param breakBefore  whether a hard separator (comma, semicolon, colon, question/exclamation mark, line break) precedes the word;
 *                     phrases never span such a break
 */
public record Token(String raw, String normalized, int start, int end, boolean breakBefore) {
}
