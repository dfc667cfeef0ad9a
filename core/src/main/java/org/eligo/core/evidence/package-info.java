/**
 * Published evidence about a treatment: an {@link org.eligo.core.evidence.EvidenceRecord} holds one publication's
 * citation, design, population, intervention, the conditions it speaks to, its cohort-level outcomes and follow-up,
 * and whether it is linked to a registered trial.
 *
 * <p>Counts are kept as reported (events of n); proportions and their exact (Clopper-Pearson) confidence intervals are
 * computed here by {@link org.eligo.core.evidence.ExactBinomialInterval}, never stored. Constructors reject impossible
 * values (more events than patients, a follow-up median outside its range) at once: evidence files are curated by hand,
 * so such a value is a programming error, not bad registry data. Reading the evidence JSON is an adapter's job; this
 * package has no dependencies.
 */
package org.eligo.core.evidence;
