package org.eligo.store.trial;

import org.eligo.core.trial.PartialDate;

/**
 * The rule that keeps older registry data from replacing newer: compares last update post dates, which may be a
 * month ({@code 2021-07}) or a day ({@code 2021-07-06}).
 *
 * <p>An incoming version is older, and skipped, when
 * <ul>
 *   <li>it has no date and the stored one has (a missing date never overwrites a dated one);</li>
 *   <li>every day its date can mean is before every day the stored date can mean ({@code 2021-06} vs
 *       {@code 2021-07-06}, {@code 2021-07-05} vs {@code 2021-07-06});</li>
 *   <li>or the two overlap and the incoming date is less precise ({@code 2021-07} vs {@code 2021-07-06}): it cannot
 *       be shown to be newer, and a month never replaces a known day.</li>
 * </ul>
 * Anything else (later, the same, or more precise within the same month) may replace the stored version.
 */
public final class UpdateRecency {

  private UpdateRecency() {
  }

  /** True when {@code incoming} must not replace a version whose date is {@code stored}; either may be null. */
  public static boolean isOlder(PartialDate incoming, PartialDate stored) {
    if (stored == null) return false;
    if (incoming == null) return true;
    if (incoming.lastDay().isBefore(stored.firstDay())) return true;
    if (incoming.firstDay().isAfter(stored.lastDay())) return false;
    return incoming.isMonthOnly() && !stored.isMonthOnly();
  }
}
