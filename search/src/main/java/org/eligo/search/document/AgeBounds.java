package org.eligo.search.document;

import java.time.Period;
import org.eligo.core.trial.RegistryAge;

/**
 * Registry age limits as whole days, for range filters. A year counts 365.25 days and a month 30.4375, both for the
 * registry's limits and for the person's age, so "18 Years" admits a person aged exactly 18 years. A maximum admits
 * the whole last unit ("17 Years" admits someone aged 17 years and 11 months), as registries mean it.
 */
public final class AgeBounds {

  /** The lower bound of an open minimum. */
  public static final int OPEN_MIN = 0;
  /** The upper bound of an open maximum. */
  public static final int OPEN_MAX = Integer.MAX_VALUE;

  private AgeBounds() {}

  /** The youngest admitted age in days, {@link #OPEN_MIN} for a missing or unreadable limit. */
  public static int minimumDays(String registryMinimum) {
    RegistryAge age = parseOrNull(registryMinimum);
    return age == null ? OPEN_MIN : (int) Math.floor(age.approximateDays());
  }

  /** The oldest admitted age in days, inclusive; {@link #OPEN_MAX} for a missing or unreadable limit. */
  public static int maximumDays(String registryMaximum) {
    RegistryAge age = parseOrNull(registryMaximum);
    if (age == null) return OPEN_MAX;
    RegistryAge next = new RegistryAge(age.amount() + 1, age.unit());
    return (int) Math.floor(next.approximateDays()) - 1;
  }

  /** A person's age in days on the same scale. */
  public static int days(Period age) {
    return (int) Math.floor(age.getYears() * 365.25 + age.getMonths() * 30.4375 + age.getDays());
  }

  private static RegistryAge parseOrNull(String text) {
    try {
      return RegistryAge.parse(text);
    } catch (IllegalArgumentException unreadable) {
      return null; // bad registry data: treated as no limit rather than hiding the trial
    }
  }
}
