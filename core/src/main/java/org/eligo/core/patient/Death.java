package org.eligo.core.patient;

import java.time.LocalDate;

/**
 * The record says the patient has died (FHIR {@code Patient.deceased[x]}). Nobody is matched or screened as of a day
 * after their death: it is a fact about the person, not a criterion of any trial.
 *
 * @param date the last day the death can have been (the day itself; the month's or year's last day when the record
 *     gives only a month or year, so that no one counts as dead before the record says), or null when the record says
 *     only that the patient has died
 * @param written the date as the record wrote it ("2024-03"), or null with {@code date}
 */
public record Death(LocalDate date, String written) {
  /** Whether the patient had died by {@code asOf}: always, when the record gives no date. */
  public boolean by(LocalDate asOf) {
    return date == null || !date.isAfter(asOf);
  }

  /** "on 2024-03", or "" when the record gives no date: for sentences that say so. */
  public String when() {
    return date == null ? "" : " on " + (written == null ? date.toString() : written);
  }
}
