/**
 * Clinical terminology for Eligo: concept sets with verified codes and synonyms, lab measures and unit conversion.
 *
 * <p>{@link org.eligo.terminology.Terminology} is the entry point. It loads the bundled data once
 * ({@code org/eligo/terminology/concepts/*.json}, {@code measures.json}, {@code infection-tests.json}), validates it and
 * answers: which concepts a code or a text names (with every class or umbrella that includes them), where concepts and
 * measures are mentioned in a sentence, what a value is in a measure's canonical UCUM unit, and which infection a
 * laboratory test speaks to and what its positive or negative result shows.
 * Other modules compare only concept ids and canonical numbers.
 */
package org.eligo.terminology;
