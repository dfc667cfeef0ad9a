/**
 * Text matching for concept and measure names: tokenizing, normalizing spelling variants and finding the longest phrase
 * match in a sentence. Knows nothing about clinical content; {@link org.eligo.terminology.text.PhraseMatcher} is generic.
 */
package org.eligo.terminology.text;
