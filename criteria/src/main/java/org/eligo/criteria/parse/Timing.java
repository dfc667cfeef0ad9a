package org.eligo.criteria.parse;

import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.TimeWindow;

/**
 * When the history a sentence names counts, as read from its time words, for conditions and procedures
 * ({@code window}) and medications ({@code medication}); null fields mean the sentence did not say.
 */
record Timing(TimeWindow window, MedicationTiming medication, boolean explicit) {
  static final Timing UNSAID = new Timing(null, null, false);
}
