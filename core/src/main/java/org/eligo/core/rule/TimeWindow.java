package org.eligo.core.rule;

/**
 * When a condition, procedure or vaccine counts.
 *
 * <ul>
 *   <li>{@link Ever}: at any time in the record ("history of").</li>
 *   <li>{@link Active}: current on the evaluation date.</li>
 *   <li>{@link Present}: named without a time in an exclusion ("Lymphoma", "Patients with MDS"): a condition current or
 *       of unknown status counts; one the record shows resolved, inactive, in remission or abated leaves the criterion
 *       open, since whether a past one counts is the trial's to say.</li>
 *   <li>{@link WithinDays}: present at any time in the last N days (onset or abatement inside the window, or still
 *       active): "malignancy within the past 5 years", "live vaccine within 30 days".</li>
 * </ul>
 */
public sealed interface TimeWindow {
  record Ever() implements TimeWindow {}

  record Active() implements TimeWindow {}

  record Present() implements TimeWindow {}

  record WithinDays(int days) implements TimeWindow {
    public WithinDays {
      if (days <= 0) throw new IllegalArgumentException("days must be positive: " + days);
    }
  }

  TimeWindow EVER = new Ever();
  TimeWindow ACTIVE = new Active();
  TimeWindow PRESENT = new Present();

  static TimeWindow within(int days) {
    return new WithinDays(days);
  }
}
