/**
 * Computable eligibility from registry text: {@link org.eligo.criteria.CriteriaCompiler} turns a
 * {@link org.eligo.core.trial.Trial} into a {@link org.eligo.core.rule.CriteriaSet} (registry age/sex fields, then a
 * curated rule set if one exists, else the parsed criteria text), and {@link org.eligo.criteria.Coverage} says how
 * much of it became rules.
 *
 * <p>The compile runs in phases, like Lucene's flexible query parser: text → items with source spans
 * ({@link org.eligo.criteria.text}) → ordered recogniser passes over each item ({@link org.eligo.criteria.parse}) →
 * one typed rule per item. Concepts and measures come from the terminology through a small port
 * ({@link org.eligo.criteria.lexicon}); rule sets are read and written as JSON ({@link org.eligo.criteria.json}).
 */
package org.eligo.criteria;
