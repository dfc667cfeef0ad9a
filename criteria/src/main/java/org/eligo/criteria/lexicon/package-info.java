/**
 * The parser's port to terminology ({@link org.eligo.criteria.lexicon.ConceptLexicon}): concept and measure mentions
 * in a sentence, measure units, conversion to canonical units; {@link org.eligo.criteria.lexicon.TerminologyLexicon}
 * adapts Eligo's terminology module to it.
 */
package org.eligo.criteria.lexicon;
