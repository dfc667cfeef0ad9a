package org.eligo.core.trial;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry age limit such as "2 Years", "29 Days", "6 Months" or "N/A".
 *
 * @param amount the number the registry gives
 * @param unit its unit
 */
public record RegistryAge(int amount, Unit unit) {

  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d{1,4})\\s*(years?|months?|weeks?|days?|hours?|minutes?)\\s*", Pattern.CASE_INSENSITIVE);

  public enum Unit { YEARS, MONTHS, WEEKS, DAYS, HOURS, MINUTES }

  public RegistryAge {
    if (amount < 0) throw new IllegalArgumentException("negative age: " + amount);
  }

  /** Parses "18 Years", "6 months", "29 Days"; "N/A" and blank mean no limit and give null. */
  public static RegistryAge parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("N/A")) return null;
    Matcher m = FORM.matcher(text);
    if (!m.matches()) throw new IllegalArgumentException("not a registry age (e.g. '18 Years'): '" + text + "'");
    String word = m.group(2).toUpperCase(Locale.ROOT);
    Unit unit = Unit.valueOf(word.endsWith("S") ? word : word + "S");
    return new RegistryAge(Integer.parseInt(m.group(1)), unit);
  }

  /** The day on which someone born on {@code birthDate} reaches this age. */
  public LocalDate reachedOn(LocalDate birthDate) {
    return switch (unit) {
      case YEARS -> birthDate.plusYears(amount);
      case MONTHS -> birthDate.plusMonths(amount);
      case WEEKS -> birthDate.plusWeeks(amount);
      case DAYS -> birthDate.plusDays(amount);
      case HOURS -> birthDate.plusDays((amount + 23) / 24);
      case MINUTES -> birthDate.plusDays((amount + 1439) / 1440);
    };
  }

  /** The age as an approximate period, for display and sorting. */
  public Period asPeriod() {
    return switch (unit) {
      case YEARS -> Period.ofYears(amount);
      case MONTHS -> Period.ofMonths(amount);
      case WEEKS -> Period.ofWeeks(amount);
      case DAYS -> Period.ofDays(amount);
      case HOURS -> Period.ofDays(amount / 24);
      case MINUTES -> Period.ofDays(amount / 1440);
    };
  }

  /** Approximate length in days (a year is 365.25 days), for range filters. */
  public double approximateDays() {
    return switch (unit) {
      case YEARS -> amount * 365.25;
      case MONTHS -> amount * 30.4375;
      case WEEKS -> amount * 7.0;
      case DAYS -> amount;
      case HOURS -> amount / 24.0;
      case MINUTES -> amount / 1440.0;
    };
  }

  @Override
  public String toString() {
    String word = unit.name().charAt(0) + unit.name().substring(1).toLowerCase(Locale.ROOT);
    return amount + " " + (amount == 1 ? word.substring(0, word.length() - 1) : word);
  }
}
