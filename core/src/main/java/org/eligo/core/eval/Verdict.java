package org.eligo.core.eval;

/**
 * A patient's standing for a trial.
 *
 * <ul>
 *   <li>{@code INELIGIBLE}: some inclusion criterion is NOT_MET or some exclusion criterion is MET.</li>
 *   <li>{@code ELIGIBLE}: every inclusion criterion MET and every exclusion criterion NOT_MET.</li>
 *   <li>{@code NEEDS_INFO}: anything else; the record cannot rule the patient out.</li>
 * </ul>
 * Criteria to confirm at screening do not count.
 */
public enum Verdict { ELIGIBLE, NEEDS_INFO, INELIGIBLE }
