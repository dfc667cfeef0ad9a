package org.eligo.fhir;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Days from FHIR choice elements such as {@code onset[x]}, {@code abatement[x]}, {@code performed[x]}: dateTime,
 * Period, Age (from the birth date), Range of ages and String (when it holds a date).
 */
final class ChoiceDates {
  private ChoiceDates() {}

  /** Which end of a Period or Range stands for the event. */
  enum End { START, END }

  /**
   * The day a choice value names (the first and last day of a year or month given without the day), or null
   * (reported) when none can be derived.
   *
   * @param name the element's base name, e.g. {@code onset}
   * @param preferred which end of a Period or Range to take first
   */
  static FhirDates.Day day(ResourceScope scope, String name, Type value, End preferred) {
    if (value == null || value.isEmpty()) return null;
    String type = value.fhirType();
    String path = name + Character.toUpperCase(type.charAt(0)) + type.substring(1);
    return switch (value) {
      case Period p -> period(scope, path, p, preferred);
      case Age a -> ofAge(scope, path, a);
      case Range r -> {
        Quantity first = preferred == End.START ? r.getLow() : r.getHigh();
        Quantity second = preferred == End.START ? r.getHigh() : r.getLow();
        Quantity q = first != null && first.hasValue() ? first : second;
        if (q == null || !q.hasValue()) yield null;
        FhirDates.Day from = ofAge(scope, path, q);
        // "onsetRange 30 a to 35 a": any day from the 30th birthday to the day before the 36th, never the low age
        // alone; read as the 30th year, a patient of 35 and 10 months whose ITP may have begun last month failed
        // "Newly diagnosed ITP" and was excluded under "Chronic ITP" (DECISIONS 83)
        if (from == null || preferred != End.START) yield from;
        if (q == first && (second == null || !second.hasValue())) {
          // a low bound alone ("at 30 or later") is any day from that birthday to the as-of date, never its year
          // alone: read as the 30th year, a woman of 45 whose ITP may have begun last month failed "Newly diagnosed
          // ITP" and was excluded under "Chronic ITP" (DECISIONS 85)
          java.time.LocalDate asOf = scope.record().asOf();
          yield asOf.isAfter(from.last()) ? new FhirDates.Day(from.day(), true, asOf) : from;
        }
        if (q != first) {
          // a high bound alone ("by 35") is any day from birth to the day before the 36th birthday, never that year
          // alone: read as the 35th year, an ITP begun at 12 was dated 23 years too late (DECISIONS 85)
          java.time.LocalDate birth = scope.record().birthDate();
          yield birth == null || !from.day().isAfter(birth) ? from : new FhirDates.Day(birth, true, from.last());
        }
        FhirDates.Day to = ofAge(scope, path, second);
        yield to == null || !to.last().isAfter(from.last()) ? from : new FhirDates.Day(from.day(), true, to.last());
      }
      case StringType s -> {
        FhirDates.Day d = FhirDates.parse(s.getValue());
        if (d == null) {
          scope.info(path, "is free text without a date; no date is derived");
          yield null;
        }
        yield scope.days(path, s.getValue(), true);
      }
      case org.hl7.fhir.r4.model.BooleanType b -> null;
      case org.hl7.fhir.r4.model.PrimitiveType<?> p -> scope.days(path, p, true);
      default -> {
        scope.info(path, "this form gives no date");
        yield null;
      }
    };
  }

  private static FhirDates.Day period(ResourceScope scope, String path, Period p, End preferred) {
    boolean start = preferred == End.START ? p.hasStart() : !p.hasEnd();
    if (start && p.hasStart()) return scope.days(path + ".start", p.getStartElement(), true);
    if (p.hasEnd()) return scope.days(path + ".end", p.getEndElement(), true);
    return null;
  }

  private static FhirDates.Day exact(LocalDate day) {
    return day == null ? null : new FhirDates.Day(day, false);
  }

  /**
   * The days an age names: a whole number of years (months, weeks) is any day from the birthday that reached it to the
   * day before the next one, as a year without a month is any day of it. Read as the birthday alone, "onsetAge 45 a"
   * of a patient now 45 and 11 months dated the onset 11 months ago, and "Newly diagnosed ITP (within 3 months)"
   * failed her (DECISIONS 77). A fractional age stays the day it gives.
   */
  private static FhirDates.Day ofAge(ResourceScope scope, String path, Quantity q) {
    LocalDate first = age(scope, path, q);
    if (first == null) return null;
    double v = q.getValue().doubleValue();
    LocalDate next = v == Math.rint(v) ? reached(scope.record().birthDate(), unit(q), v + 1) : null;
    if (next == null || !next.isAfter(first.plusDays(1))) return exact(first);
    return new FhirDates.Day(first, true, next.minusDays(1));
  }

  /** The day the patient reached an age, from the birth date. */
  private static LocalDate age(ResourceScope scope, String path, Quantity age) {
    LocalDate birth = scope.record().birthDate();
    if (birth == null) {
      scope.warn(path, "is an age but the birth date is unknown; no date is derived");
      return null;
    }
    String unit = unit(age);
    LocalDate day = reached(birth, unit, age.getValue().doubleValue());
    if (day == null) {
      scope.warn(path, "unit '" + unit + "' is not an age unit (a, mo, wk, d); no date is derived");
      return null;
    }
    if (day.isAfter(scope.record().asOf())) {
      scope.warn(path, "is an age the patient reaches after the as-of date " + scope.record().asOf()
          + "; check the record");
    }
    return day;
  }

  private static String unit(Quantity age) {
    return (age.hasCode() ? age.getCode() : age.hasUnit() ? age.getUnit() : "a").strip()
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** The day an age in the unit is reached, or null for a unit that is no age unit. */
  private static LocalDate reached(LocalDate birth, String unit, double v) {
    return switch (unit) {
      case "a", "yr", "year", "years" -> birth.plusMonths(Math.round(v * 12));
      case "mo", "month", "months" -> birth.plusDays(Math.round(v * 30.4375));
      case "wk", "week", "weeks" -> birth.plusDays(Math.round(v * 7));
      case "d", "day", "days" -> birth.plusDays(Math.round(v));
      default -> null;
    };
  }
}
