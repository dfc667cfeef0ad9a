package org.eligo.core.rule;

/**
 * When a medication exposure counts, relative to the evaluation date ("as of").
 *
 * <ul>
 *   <li>{@link Current}: being taken on the evaluation date.</li>
 *   <li>{@link Ever}: at any time.</li>
 *   <li>{@link WithinDays}: any exposure in the last N days ("within 12 weeks of study entry"; also "stopped for less
 *       than 3 months", which means taking it now or stopped fewer than N days ago).</li>
 *   <li>{@link AtLeastDaysBefore}: a course that started (or ended, with {@code fromEnd}) at least N days before
 *       ("administered at least 12 months prior").</li>
 *   <li>{@link ContinuousFor}: exposure covering the whole of the last N days, allowing gaps up to
 *       {@code maxGapDays} ("continuous treatment for the previous 6 months, dose delays of up to 30 days").</li>
 *   <li>{@link ForAtLeastDays}: a course lasting at least N days at any time ("CsA used for at least 3 months").</li>
 * </ul>
 */
public sealed interface MedicationTiming {
  record Current() implements MedicationTiming {}

  record Ever() implements MedicationTiming {}

  record WithinDays(int days) implements MedicationTiming {}

  record AtLeastDaysBefore(int days, boolean fromEnd) implements MedicationTiming {}

  record ContinuousFor(int days, int maxGapDays) implements MedicationTiming {}

  record ForAtLeastDays(int days) implements MedicationTiming {}

  MedicationTiming CURRENT = new Current();
  MedicationTiming EVER = new Ever();
}
