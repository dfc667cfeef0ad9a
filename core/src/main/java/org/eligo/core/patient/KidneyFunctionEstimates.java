package org.eligo.core.patient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kidney function estimated from a serum creatinine, as laboratories report it, for criteria that ask for an eGFR or
 * a creatinine clearance when the record holds only the creatinine:
 *
 * <ul>
 *   <li>{@code egfr}: the CKD-EPI 2021 creatinine equation (without race), in mL/min/1.73 m²:
 *       142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^-1.200 × 0.9938^age (× 1.012 for a woman), κ 0.7 (women) or 0.9
 *       (men), α -0.241 (women) or -0.302 (men), Scr in mg/dL.</li>
 *   <li>{@code egfr} of a child of 1 to 17 years: the bedside Schwartz equation (2009), 0.413 × height in cm / Scr,
 *       with the height measured on the day of the creatinine or in the 90 days before it (kidney.org, "Creatinine-based
 *       'Bedside Schwartz' equation (2009)": for children 1-18 years old).</li>
 *   <li>{@code creatinine-clearance}: the Cockcroft-Gault equation, in mL/min: (140 - age) × weight in kg / (72 ×
 *       Scr) (× 0.85 for a woman), with the body weight measured on the day of the creatinine or in the 30 days
 *       before it.</li>
 * </ul>
 *
 * <p>Each creatinine gives at most one estimate of each, dated as the creatinine (a year or month when the record
 * gives only that: the age is then the range of ages on its days, and the weight or height must be in the window
 * whatever day each was), rounded to a whole number as
 * laboratories report it. None is made where it could mislead: a creatinine clearance for a patient under 18 (the
 * adult equations are for adults; a child's eGFR is by Schwartz), for a patient who may be 17 or 18 (a birth year
 * alone), of unknown or other sex, in a record that reports that measure itself on any day (the laboratory's
 * own figure stands, and a measured 24-hour urine clearance is never outdated by an estimate), or where a birth date
 * known only to the year or month leaves the age, and so the rounded estimate, in doubt. A reported figure given as a
 * bound ("&gt;60") or that Eligo cannot read (a unit it does not know) also stands: no estimate is made beside it.
 *
 * <p>A creatinine given as a bound ("&lt;0.3 mg/dL") gives an estimate that is a bound too, the other way round, since
 * each equation falls as the creatinine rises: "&lt;0.3" gives an eGFR of at least the estimate from 0.3 (rounded, so
 * "at least", never "above"). A weight or height given as a bound gives no estimate.
 */
public final class KidneyFunctionEstimates {
  /** Measure keys, as in the terminology's measures. */
  public static final String CREATININE = "creatinine";
  public static final String EGFR = "egfr";
  public static final String CREATININE_CLEARANCE = "creatinine-clearance";
  public static final String BODY_WEIGHT = "body-weight";
  public static final String BODY_HEIGHT = "body-height";
  static final String EGFR_UNIT = "mL/min/{1.73_m2}";
  static final String CLEARANCE_UNIT = "mL/min";
  /** How long before a creatinine a body weight still counts for Cockcroft-Gault. */
  static final int WEIGHT_DAYS = 30;
  /** How long before a child's creatinine a height still counts for bedside Schwartz. */
  static final int HEIGHT_DAYS = 90;

  private KidneyFunctionEstimates() {}

  /** The estimates {@code facts} allow, none when it has no creatinine (see the class comment for when none is made). */
  public static List<Measurement> of(PatientFacts facts) {
    if (facts.birthDate() == null || (facts.sex() != Sex.FEMALE && facts.sex() != Sex.MALE)) return List.of();
    List<Measurement> creatinines = new ArrayList<>();
    Set<LocalDate> reportedEgfr = new HashSet<>();
    Set<LocalDate> reportedClearance = new HashSet<>();
    List<Measurement> weights = new ArrayList<>();
    List<Measurement> heights = new ArrayList<>();
    for (Measurement m : facts.measurements()) {
      switch (m.measure()) {
        case CREATININE -> creatinines.add(m);
        case EGFR -> reportedEgfr.add(m.date());
        case CREATININE_CLEARANCE -> reportedClearance.add(m.date());
        case BODY_WEIGHT -> weights.add(m);
        case BODY_HEIGHT -> heights.add(m);
        default -> { }
      }
    }
    if (creatinines.isEmpty()) return List.of();
    // the laboratory's own figures stand: a record that reports a measure at all gets no estimate of it, so an
    // estimate never outdates a measured clearance (24-hour urine) or a reported eGFR
    boolean estimateEgfr = reportedEgfr.isEmpty() && !facts.measuresReported().contains(EGFR);
    boolean estimateClearance = reportedClearance.isEmpty() && !facts.measuresReported().contains(CREATININE_CLEARANCE);
    if (!estimateEgfr && !estimateClearance) return List.of();
    boolean female = facts.sex() == Sex.FEMALE;
    List<Measurement> out = new ArrayList<>();
    for (Measurement scr : creatinines) {
      if (!(scr.value() > 0)) continue;
      // a creatinine bound bounds the estimate the other way: every equation falls as the creatinine rises
      ValueBound bound = scr.exact() ? null : scr.bound().upper() ? ValueBound.AT_LEAST : ValueBound.AT_MOST;
      String creatinine = "creatinine " + (scr.exact() ? "" : scr.bound().code()) + number(scr.value()) + " mg/dL";
      // a creatinine dated only by a year or month: the ages it may have been taken at
      long oldest = ChronoUnit.YEARS.between(facts.birthDate(), scr.dateLatest());
      long youngest = ChronoUnit.YEARS.between(facts.birthDateLatest(), scr.date());
      if (oldest < 18 && youngest >= 1) { // a child on either possible birthday: bedside Schwartz
        Measurement height = estimateEgfr ? latestBefore(scr, heights, HEIGHT_DAYS) : null;
        if (height != null && height.exact()) {
          long e = Math.round(bedsideSchwartz(scr.value(), height.value()));
          out.add(new Measurement(EGFR, e, EGFR_UNIT, scr.date(), null, null, "estimated by bedside Schwartz from "
              + creatinine + ", height " + number(height.value()) + " cm ("
              + DayRange.text(height.date(), height.dateLatest()) + ")", scr.source(), scr.at(), scr.dateLatest(),
              bound));
        }
        continue;
      }
      if (youngest < 18) continue; // 17 or 18: which equation applies is not known
      String sex = female ? "female" : "male";
      if (estimateEgfr) {
        long a = Math.round(ckdEpi2021(scr.value(), oldest, female));
        if (a == Math.round(ckdEpi2021(scr.value(), youngest, female))) {
          out.add(new Measurement(EGFR, a, EGFR_UNIT, scr.date(), null, null, "estimated by CKD-EPI 2021 from "
              + creatinine + ", age " + youngest + ", " + sex, scr.source(), scr.at(), scr.dateLatest(), bound));
        }
      }
      Measurement weight = estimateClearance ? latestBefore(scr, weights, WEIGHT_DAYS) : null;
      if (weight != null && weight.exact()) {
        long a = Math.round(cockcroftGault(scr.value(), oldest, weight.value(), female));
        if (a == Math.round(cockcroftGault(scr.value(), youngest, weight.value(), female)) && a > 0) {
          out.add(new Measurement(CREATININE_CLEARANCE, a, CLEARANCE_UNIT, scr.date(), null, null, "estimated by "
              + "Cockcroft-Gault from " + creatinine + ", weight " + number(weight.value())
              + " kg (" + DayRange.text(weight.date(), weight.dateLatest()) + "), age " + youngest + ", " + sex,
              scr.source(), scr.at(), scr.dateLatest(), bound));
        }
      }
    }
    return out;
  }

  /**
   * {@code facts}' measurements with the estimates they allow added: kidney function, and the body mass index from
   * a weight and a height ({@link BodyMassIndexEstimates}).
   */
  public static List<Measurement> withEstimates(PatientFacts facts) {
    List<Measurement> estimates = of(facts);
    List<Measurement> bmi = BodyMassIndexEstimates.of(facts);
    if (estimates.isEmpty() && bmi.isEmpty()) return facts.measurements();
    List<Measurement> all = new ArrayList<>(facts.measurements());
    all.addAll(estimates);
    all.addAll(bmi);
    return all;
  }

  /** CKD-EPI 2021 (race-free) eGFR in mL/min/1.73 m² from a serum creatinine in mg/dL. */
  static double ckdEpi2021(double scrMgDl, long age, boolean female) {
    double kappa = female ? 0.7 : 0.9;
    double alpha = female ? -0.241 : -0.302;
    double ratio = scrMgDl / kappa;
    return 142 * Math.pow(Math.min(ratio, 1), alpha) * Math.pow(Math.max(ratio, 1), -1.200) * Math.pow(0.9938, age)
        * (female ? 1.012 : 1);
  }

  /** Bedside Schwartz (2009) eGFR in mL/min/1.73 m² of a child of 1 to 17 years: 0.413 × height in cm / Scr. */
  static double bedsideSchwartz(double scrMgDl, double heightCm) {
    return 0.413 * heightCm / scrMgDl;
  }

  /** Cockcroft-Gault creatinine clearance in mL/min. */
  static double cockcroftGault(double scrMgDl, long age, double weightKg, boolean female) {
    return (140 - age) * weightKg / (72 * scrMgDl) * (female ? 0.85 : 1);
  }

  /**
   * The latest of {@code results} surely on the day of {@code scr} or in the {@code days} before it, or null: where the
   * record gives only a year or month of either, every day it may be must be in that window.
   */
  private static Measurement latestBefore(Measurement scr, List<Measurement> results, int days) {
    Measurement best = null;
    LocalDate earliest = scr.dateLatest().minusDays(days);
    for (Measurement w : results) {
      if (w.dateLatest().isAfter(scr.date()) || w.date().isBefore(earliest)) continue;
      if (best == null || w.date().isAfter(best.date())) best = w;
    }
    return best;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 1000) / 1000.0);
  }
}
