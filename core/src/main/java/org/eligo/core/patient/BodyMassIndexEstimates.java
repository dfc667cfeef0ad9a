package org.eligo.core.patient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Body mass index computed from a body weight and a height, for "BMI ≤ 35 kg/m²" when the record holds the weight and
 * the height but no BMI (most exports: BMI is a vital sign many systems do not store). BMI is defined as weight in kg
 * over the square of height in metres, so this is the figure itself, not an estimate by an equation.
 *
 * <ul>
 *   <li>One BMI per body weight, dated as the weight (a stale weight gives a stale BMI, asked as any stale result
 *       is), rounded to one decimal as records report it.</li>
 *   <li>The height is the latest measured on the weight's day or before it: within {@value #ADULT_HEIGHT_DAYS} days
 *       for a patient surely 18 or older on the height's day (an adult's height changes by a centimetre in a decade),
 *       within {@value #CHILD_HEIGHT_DAYS} days for anyone else (a child grows; no birth date, no age).</li>
 *   <li>None is made in a record that reports a BMI itself on any day (the record's own figure stands), from a
 *       weight or height given as a bound or dated only by a year or month, from units other than kg and cm (the
 *       readers give those; anything else was not converted), or outside the BMI's plausible range (8 to 90: a height
 *       in the wrong unit, a typing error).</li>
 * </ul>
 */
public final class BodyMassIndexEstimates {
  public static final String BMI = "bmi";
  static final String BMI_UNIT = "kg/m2";
  static final int ADULT_HEIGHT_DAYS = 5 * 365;
  static final int CHILD_HEIGHT_DAYS = 90;
  private static final double LOWEST = 8;
  private static final double HIGHEST = 90;

  private BodyMassIndexEstimates() {}

  /** The BMIs {@code facts} allow (see the class comment for when none is made). */
  public static List<Measurement> of(PatientFacts facts) {
    if (facts.measuresReported().contains(BMI)) return List.of();
    List<Measurement> weights = new ArrayList<>();
    List<Measurement> heights = new ArrayList<>();
    for (Measurement m : facts.measurements()) {
      switch (m.measure()) {
        case BMI -> {
          return List.of();
        }
        case KidneyFunctionEstimates.BODY_WEIGHT -> {
          if (usable(m, "kg")) weights.add(m);
        }
        case KidneyFunctionEstimates.BODY_HEIGHT -> {
          if (usable(m, "cm")) heights.add(m);
        }
        default -> { }
      }
    }
    if (weights.isEmpty() || heights.isEmpty()) return List.of();
    List<Measurement> out = new ArrayList<>();
    for (Measurement w : weights) {
      Measurement h = heightFor(facts, w, heights);
      if (h == null) continue;
      double metres = h.value() / 100;
      double bmi = Math.round(w.value() / (metres * metres) * 10) / 10.0;
      if (bmi < LOWEST || bmi > HIGHEST) continue;
      out.add(new Measurement(BMI, bmi, BMI_UNIT, w.date(), null, null, "computed from weight " + number(w.value())
          + " kg (" + w.date() + ") and height " + number(h.value()) + " cm (" + h.date() + ")", w.source(), w.at()));
    }
    return out;
  }

  private static boolean usable(Measurement m, String unit) {
    return m.exact() && !m.imprecise() && unit.equals(m.unit()) && m.value() > 0;
  }

  /** The latest height on the weight's day or in the window before it that the patient's age allows, or null. */
  private static Measurement heightFor(PatientFacts facts, Measurement weight, List<Measurement> heights) {
    Measurement best = null;
    for (Measurement h : heights) {
      if (h.date().isAfter(weight.date())) continue;
      boolean adult = facts.birthDateLatest() != null
          && ChronoUnit.YEARS.between(facts.birthDateLatest(), h.date()) >= 18;
      LocalDate earliest = weight.date().minusDays(adult ? ADULT_HEIGHT_DAYS : CHILD_HEIGHT_DAYS);
      if (h.date().isBefore(earliest)) continue;
      if (best == null || h.date().isAfter(best.date())) best = h;
    }
    return best;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 10) / 10.0);
  }
}
