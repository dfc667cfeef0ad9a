package org.eligo.server.check;

import java.util.List;

/**
 * One question a trial's rules need answered.
 *
 * @param key the answer's field name, the same for the same rule in any trial (e.g. {@code age}, {@code m.anc},
 *     {@code h.3f2a91c0})
 * @param kind how it is answered
 * @param messageKey the message bundle key of its wording; argument {0} is {@code label}, {1} is {@code days} in words
 * @param label what it is about, as the rule names it (e.g. "sirolimus"), or the criterion text for "does this
 *     describe you?"
 * @param days the time window in days, or 0 when there is none
 * @param unit for measurements, the canonical unit values are compared in; empty otherwise
 * @param units for measurements, the units a person may choose, the usual one first; empty otherwise
 * @param askUpperLimit for measurements compared with the upper limit of normal: also ask that limit
 */
public record Question(String key, Kind kind, String messageKey, String label, int days, String unit,
                       List<UnitChoice> units,
                       boolean askUpperLimit) {

  public Question {
    units = List.copyOf(units);
  }

  /** How a question is answered. */
  public enum Kind { AGE, SEX, YES_NO, MEASUREMENT }

  static Question yesNo(String key, String messageKey, String label, int days) {
    return new Question(key, Kind.YES_NO, messageKey, label, days, "", List.of(), false);
  }

  /** The order questions are asked in: who you are first, then tests, then history, then the rest. */
  int order() {
    return switch (kind) {
      case AGE -> 0;
      case SEX -> 1;
      case MEASUREMENT -> 3;
      case YES_NO -> switch (key) {
        case QuestionPlanner.PREGNANT, QuestionPlanner.BREASTFEEDING -> 2;
        case QuestionPlanner.TRANSFUSION -> 4;
        default -> key.startsWith("c.") ? 6 : 5;
      };
    };
  }

  Question withUpperLimit() {
    return new Question(key, kind, messageKey, label, days, unit, units, true);
  }

  Question withDays(int value) {
    return new Question(key, kind, messageKey, label, value, unit, units, askUpperLimit);
  }
}
