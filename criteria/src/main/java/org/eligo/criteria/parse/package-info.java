/**
 * The second and third phases: recogniser passes that read one criterion and the assembler that builds its rule.
 *
 * <p>{@link org.eligo.criteria.parse.ParserPasses} lists the passes in order; each is a
 * {@link org.eligo.criteria.parse.Recogniser} that records readings (rules for parts of the sentence), explains
 * qualifier words, raises questions for clauses no record settles, or settles the whole sentence.
 * {@link org.eligo.criteria.parse.RuleAssembler} joins the readings with the sentence's own connectives. The rule
 * states the sentence as written; whatever is not understood with confidence stays
 * {@link org.eligo.core.rule.Unparsed}, so the parser may under-read but never makes a criterion stricter than its
 * text.
 *
 * <p>{@link org.eligo.criteria.parse.LimitExceptions} is the one reader of exceptions to lab limits and of second
 * limits for some patients ("except", "unless", "X, or Y for/if Z"), before, after or around the limits they qualify.
 */
package org.eligo.criteria.parse;
