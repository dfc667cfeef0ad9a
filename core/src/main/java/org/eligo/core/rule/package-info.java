/**
 * Computable eligibility: a trial's {@link org.eligo.core.rule.Criterion criteria}, each the exact registry sentence
 * with a typed {@link org.eligo.core.rule.Rule} over patient facts.
 *
 * <p>Rules name concepts by id and measures by key in canonical units; the criteria parser and curated rule files
 * fill them in. Every kind of rule is a record in the sealed {@link org.eligo.core.rule.Rule} hierarchy, so an
 * evaluator that misses one does not compile.
 */
package org.eligo.core.rule;
