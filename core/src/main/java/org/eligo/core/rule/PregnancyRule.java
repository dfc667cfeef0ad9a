package org.eligo.core.rule;

/**
 * Currently pregnant, or currently breastfeeding. Open-world for people who could be: MET or NOT_MET from a recent
 * recorded status, NOT_MET for males, otherwise UNKNOWN with a question.
 *
 * @param state which state the rule asks about
 * @param recencyDays how old a recorded status may be
 */
public record PregnancyRule(State state, int recencyDays) implements Rule {
  public enum State { PREGNANT, LACTATING }

  public PregnancyRule {
    if (recencyDays <= 0) throw new IllegalArgumentException("recencyDays must be positive");
  }

  public static PregnancyRule pregnant() {
    return new PregnancyRule(State.PREGNANT, 30);
  }

  public static PregnancyRule lactating() {
    return new PregnancyRule(State.LACTATING, 30);
  }
}
