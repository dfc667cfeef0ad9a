package org.eligo.core.rule;

/**
 * When a condition, procedure or vaccine counts.
 *
 * <ul>
 *   <li>{@link Ever}: at any time in the record ("history of").</li>
 *   <li>{@link Active}: current on the evaluation date.</li>
 *   <li>{@link Present}: named without a time in an exclusion ("Lymphoma", "Patients with MDS"): a condition current
 *       counts, and one the record gives without a clinical status counts when it began within the last
 *       {@value Present#UNSTATED_CURRENT_DAYS} days; one the record shows resolved, inactive, in remission or abated
 *       leaves the criterion open, since whether a past one counts is the trial's to say, and so does an older one
 *       without a status, since whether it is still current the record does not say.</li>
 *   <li>{@link WithinDays}: present at any time in the last N days (onset or abatement inside the window, or still
 *       active): "malignancy within the past 5 years", "live vaccine within 30 days". With {@code onset} set
 *       ("began within N days", for a one-off event such as a myocardial infarction or a stroke) a diagnosis counts by
 *       its onset alone: onset inside the window counts, a known onset before it does not however long the record keeps
 *       the event marked active, and a diagnosis without an onset leaves the criterion open (DECISIONS §25). The
 *       criteria compiler sets it when every concept of the rule is an event in the terminology. Procedures and
 *       vaccinations are dated events already: for them the two readings are the same.</li>
 * </ul>
 */
public sealed interface TimeWindow {
  record Ever() implements TimeWindow {}

  record Active() implements TimeWindow {}

  record Present() implements TimeWindow {
    /**
     * How recent the onset of a diagnosis the record gives without a clinical status must be for it to count as
     * current: 30 days, the time trials themselves grant a screening result to stand for the patient's present state,
     * and Eligo's recency of a pregnancy status. An older one, or one without an onset, leaves the criterion open with
     * the question whether it is still current (DECISIONS §48, amending §19).
     */
    public static final int UNSTATED_CURRENT_DAYS = 30;
  }

  /**
   * @param days  the window's length, counted back from the evaluation date
   * @param onset true when only an onset inside the window counts (a one-off event), not a condition still active
   */
  record WithinDays(int days, boolean onset) implements TimeWindow {
    public WithinDays {
      if (days <= 0) throw new IllegalArgumentException("days must be positive: " + days);
    }

    /** Present at any time in the window. */
    public WithinDays(int days) {
      this(days, false);
    }
  }

  TimeWindow EVER = new Ever();
  TimeWindow ACTIVE = new Active();
  TimeWindow PRESENT = new Present();

  static TimeWindow within(int days) {
    return new WithinDays(days);
  }

  /** Began within the last {@code days}: a one-off event, counted by its onset. */
  static TimeWindow began(int days) {
    return new WithinDays(days, true);
  }
}
