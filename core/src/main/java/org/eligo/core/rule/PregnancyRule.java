package org.eligo.core.rule;

/**
 * Currently pregnant, or currently breastfeeding. Open-world for people who could be: MET or NOT_MET from a recent
 * recorded status, NOT_MET for males and for girls under 10 and women of 60 or over when nothing is recorded,
 * otherwise UNKNOWN with a question.
 *
 * @param state which state the rule asks about
 * @param recencyDays how old a recorded status may be
 */
public record PregnancyRule(State state, int recencyDays) implements Rule {
  public enum State { PREGNANT, LACTATING }

  /**
   * Below this age a girl whose record says nothing is not asked: menarche before ten is precocious puberty, and a
   * pregnancy is then a case report, not a screening question.
   */
  public static final int YOUNGEST_ASKED = 10;
  /**
   * From this age a woman whose record says nothing is not asked: natural menopause comes at about 51 and nearly
   * always before 58, and pregnancy after 60 is a case report (oocyte donation), which the record would show.
   */
  public static final int OLDEST_ASKED = 60;
  /**
   * An "active" breastfeeding entry that began more than this many days before the evaluation date is not read as
   * breastfeeding now (WHO recommends breastfeeding for up to two years or more): a recent status decides, else the
   * question.
   */
  public static final int LONGEST_LACTATION_DAYS = 730;

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
