package org.eligo.screening.population;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Simulates one patient of a haematology service's population: demographics, one main blood disorder (or none) with
 * its course, treatments, blood counts over time, chemistry, comorbidities, pregnancies, vaccines and allergies.
 * Deterministic: the same seed and patient number give the same record. Rates are plausible for a referral hospital,
 * not for the general population (cytopenias are enriched so that trials have candidates).
 */
final class PatientSimulator {
  /** Main blood disorder. */
  enum Disorder { NONE, AA, CONGENITAL_AA, PRCA, AIHA, EVANS, ITP, PNH, MDS, AML }

  private static final String[] ACQUIRED_AA = {"acquired-aplastic-anemia", "acquired-aplastic-anemia",
      "aplastic-anemia", "severe-aplastic-anemia"};
  private static final String[] CONGENITAL_AA = {"fanconi-anemia", "diamond-blackfan-anemia",
      "shwachman-diamond-syndrome", "dyskeratosis-congenita", "congenital-aplastic-anemia"};
  private static final String[] AIHA = {"autoimmune-hemolytic-anemia", "warm-autoimmune-hemolytic-anemia",
      "cold-autoimmune-hemolytic-anemia"};
  private static final String[] STEROIDS = {"prednisone", "prednisolone", "methylprednisolone", "dexamethasone"};
  private static final String[] ANTICOAGULANTS = {"warfarin", "apixaban", "rivaroxaban", "enoxaparin"};
  private static final String[] CYP3A4 = {"fluconazole", "clarithromycin", "carbamazepine", "itraconazole"};

  private final Codings codings;
  private final LocalDate asOf;

  PatientSimulator(Codings codings, LocalDate asOf) {
    this.codings = codings;
    this.asOf = asOf;
  }

  /** The id of patient number {@code index}. */
  static String patientId(long index) {
    String n = Long.toString(index);
    return "p" + "0000000".substring(Math.min(7, n.length())) + n;
  }

  /** Appends patient {@code index}'s resources to {@code out} (indexed by {@link ResourceType#ordinal()}). */
  void write(long index, long seed, StringBuilder[] out) {
    SplittableRandom r = new SplittableRandom(mix(seed, index));
    new One(r, new RecordWriter(codings, out, r, patientId(index))).write();
  }

  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** One patient being written. */
  private final class One {
    final SplittableRandom r;
    final RecordWriter w;
    String gender;
    int ageDays;
    Disorder disorder;
    boolean treated;
    boolean responder;
    int onsetAgo;

    One(SplittableRandom r, RecordWriter w) {
      this.r = r;
      this.w = w;
    }

    boolean chance(double p) {
      return r.nextDouble() < p;
    }

    int between(int lo, int hi) {
      return hi <= lo ? lo : lo + r.nextInt(hi - lo + 1);
    }

    String pick(String[] options) {
      return options[r.nextInt(options.length)];
    }

    LocalDate ago(int days) {
      return asOf.minusDays(Math.max(0, Math.min(days, ageDays)));
    }

    boolean female() {
      return "female".equals(gender);
    }

    int age() {
      return ageDays / 365;
    }

    void write() {
      demographics();
      disorder = disorder();
      mainCondition();
      treatments();
      labs();
      comorbidities();
      pregnancy();
      vaccines();
      allergies();
    }

    void demographics() {
      double s = r.nextDouble();
      gender = s < 0.495 ? "female" : s < 0.99 ? "male" : s < 0.995 ? "other" : null;
      int years = chance(0.12) ? r.nextInt(18) : between(18, 94);
      ageDays = years * 365 + r.nextInt(365);
      w.patient(gender, chance(0.01) ? null : asOf.minusDays(ageDays));
    }

    Disorder disorder() {
      double d = r.nextDouble();
      if ((d -= 0.035) < 0) return Disorder.AA;
      if ((d -= 0.005) < 0) return Disorder.CONGENITAL_AA;
      if ((d -= 0.01) < 0) return Disorder.PRCA;
      if ((d -= 0.015) < 0) return Disorder.AIHA;
      if ((d -= 0.004) < 0) return Disorder.EVANS;
      if ((d -= 0.02) < 0) return Disorder.ITP;
      if ((d -= 0.006) < 0) return Disorder.PNH;
      if ((d -= 0.015) < 0) return Disorder.MDS;
      if ((d -= 0.005) < 0) return Disorder.AML;
      return Disorder.NONE;
    }

    void mainCondition() {
      if (disorder == Disorder.NONE) return;
      String status = clinicalStatus();
      onsetAgo = disorder == Disorder.CONGENITAL_AA ? Math.max(30, ageDays - between(200, 3000))
          : between(60, Math.max(61, Math.min(ageDays, 15 * 365)));
      LocalDate abatement = "resolved".equals(status) ? ago(between(10, onsetAgo / 2 + 10)) : null;
      String concept = switch (disorder) {
        case AA -> pick(ACQUIRED_AA);
        case CONGENITAL_AA -> pick(CONGENITAL_AA);
        case PRCA -> chance(0.2) ? "pure-red-cell-aplasia" : "acquired-pure-red-cell-aplasia";
        case AIHA -> pick(AIHA);
        case EVANS -> "evans-syndrome";
        case ITP -> chance(0.7) ? "immune-thrombocytopenia" : "primary-immune-thrombocytopenia";
        case PNH -> "paroxysmal-nocturnal-hemoglobinuria";
        case MDS -> "myelodysplastic-syndrome";
        case AML -> "acute-myeloid-leukemia";
        case NONE -> throw new IllegalStateException();
      };
      w.condition(concept, status, ago(onsetAgo), abatement, 0.1);
      if (disorder == Disorder.AA && chance(0.08)) {
        w.condition("paroxysmal-nocturnal-hemoglobinuria", "active", ago(between(30, onsetAgo)), null, 0.1);
      }
      if ((disorder == Disorder.AA || disorder == Disorder.CONGENITAL_AA) && chance(0.04)) {
        w.condition("myelodysplastic-syndrome", "active", ago(between(10, onsetAgo)), null, 0.1);
      }
    }

    String clinicalStatus() {
      double d = r.nextDouble();
      return d < 0.8 ? "active" : d < 0.88 ? "remission" : d < 0.93 ? "resolved" : d < 0.95 ? "inactive"
          : d < 0.96 ? "relapse" : null;
    }

    /** A course of a drug: statement or request, coded or text-only, ongoing or finished. */
    void course(String concept, int startAgo, Integer endAgo, String status) {
      LocalDate start = ago(startAgo);
      LocalDate end = endAgo == null ? null : ago(Math.min(endAgo, startAgo));
      w.medication(concept, status, start, end, chance(0.25), 0.15);
    }

    void ongoingOrPast(String concept, int startAgo) {
      if (chance(0.5)) course(concept, startAgo, null, "active");
      else course(concept, startAgo, between(0, startAgo), chance(0.8) ? "completed" : "stopped");
    }

    void treatments() {
      int t0 = Math.max(1, onsetAgo - between(7, 60));
      switch (disorder) {
        case AA -> aplasticAnemia(t0);
        case CONGENITAL_AA -> {
          if (chance(0.3)) ongoingOrPast("eltrombopag", between(1, t0));
          if (chance(0.2)) w.procedure("hematopoietic-stem-cell-transplantation", ago(between(30, t0)), 0.1);
          if (chance(0.2)) ongoingOrPast("danazol", between(1, t0));
        }
        case PRCA -> {
          treated = chance(0.8);
          if (treated && chance(0.5)) ongoingOrPast(pick(STEROIDS), t0);
          if (treated && chance(0.4)) cyclosporine(t0);
          responder = chance(0.4);
        }
        case AIHA, EVANS -> {
          treated = chance(0.85);
          if (treated) autoimmune(t0);
          responder = chance(0.5);
        }
        case ITP -> {
          treated = chance(0.8);
          if (treated && chance(0.7)) ongoingOrPast(pick(STEROIDS), t0);
          if (treated && chance(0.3)) ongoingOrPast("eltrombopag", between(1, t0));
          if (treated && chance(0.1)) ongoingOrPast("romiplostim", between(1, t0));
          if (treated && chance(0.2)) course("rituximab", between(1, t0), between(0, 30), "completed");
          if (chance(0.1)) w.procedure("splenectomy", ago(between(30, t0)), 0.2);
          responder = chance(0.5);
        }
        case PNH -> {
          if (chance(0.5)) ongoingOrPast(chance(0.6) ? "eculizumab" : "ravulizumab", between(1, t0));
          if (chance(0.3)) ongoingOrPast(pick(ANTICOAGULANTS), between(1, t0));
          if (chance(0.2)) w.condition("deep-vein-thrombosis", "active", ago(between(10, t0)), null, 1.0);
          responder = chance(0.5);
        }
        case MDS -> {
          if (chance(0.3)) ongoingOrPast("epoetin-alfa", between(1, t0));
          if (chance(0.1)) w.procedure("hematopoietic-stem-cell-transplantation", ago(between(30, t0)), 0.1);
        }
        case AML -> {
          if (chance(0.7)) ongoingOrPast("antineoplastic-chemotherapy", between(1, t0));
          if (chance(0.25)) w.procedure("hematopoietic-stem-cell-transplantation", ago(between(30, t0)), 0.1);
        }
        case NONE -> { }
      }
    }

    void aplasticAnemia(int t0) {
      treated = chance(0.85);
      if (!treated) return;
      if (chance(0.75)) course(chance(0.7) ? "horse-atg" : "rabbit-atg", t0, t0 - 4, "completed");
      else if (chance(0.4)) course(chance(0.7) ? "cyclophosphamide" : "alemtuzumab", t0, t0 - 3, "completed");
      if (chance(0.9)) cyclosporine(t0);
      if (chance(0.3)) ongoingOrPast("eltrombopag", between(1, t0));
      if (chance(0.07)) course(chance(0.7) ? "sirolimus" : "everolimus", between(1, 300), null,
          chance(0.5) ? "active" : "completed");
      if (chance(0.08)) ongoingOrPast(chance(0.5) ? "filgrastim" : "epoetin-alfa", between(1, t0));
      if (chance(0.04)) w.procedure("hematopoietic-stem-cell-transplantation", ago(between(30, t0)), 0.1);
      responder = chance(0.6);
    }

    /** Cyclosporine from {@code t0}: continuous, with a gap, stopped, or finished without an end date. */
    void cyclosporine(int t0) {
      double d = r.nextDouble();
      if (d < 0.55) {
        course("cyclosporine", t0, null, "active");
      } else if (d < 0.7 && t0 > 200) {
        int gapStart = between(40, 170);
        int gapEnd = Math.max(1, gapStart - between(5, 80));
        course("cyclosporine", t0, gapStart, "completed");
        course("cyclosporine", gapEnd, null, "active");
      } else if (d < 0.9) {
        course("cyclosporine", t0, between(5, Math.max(6, Math.min(t0, 700))), chance(0.7) ? "completed" : "stopped");
      } else {
        w.medication("cyclosporine", "completed", ago(t0), null, false, 0.15);
      }
    }

    void autoimmune(int t0) {
      String steroid = pick(STEROIDS);
      if (chance(0.8)) {
        if (chance(0.4)) course(steroid, t0, between(0, 80), "completed");
        else ongoingOrPast(steroid, t0);
      }
      if (chance(0.4)) course("rituximab", between(1, t0), between(0, 60), "completed");
      if (chance(0.15)) cyclosporine(t0);
      if (chance(0.05)) course("mercaptopurine", between(100, t0 + 100), between(0, 100), "completed");
    }

    void labs() {
      boolean hem = disorder != Disorder.NONE;
      int visits = hem ? between(2, 8) : (chance(0.45) ? between(1, 2) : 0);
      if (visits == 0) return;
      int latest = hem ? (chance(0.7) ? between(0, 89) : between(90, 400)) : between(0, 1000);
      boolean chemistry = chance(hem ? 0.7 : 0.3);
      boolean ecog = hem && chance(0.55);
      boolean weight = chance(hem ? 0.8 : 0.4);
      boolean pnhClone = (disorder == Disorder.AA && chance(0.5)) || disorder == Disorder.PNH;
      int transfusedAgo = -1;
      if (hem && !responder && disorder != Disorder.ITP && chance(0.6)) {
        transfusedAgo = latest + between(0, 20);
        w.procedure(chance(0.7) ? "red-cell-transfusion" : "platelet-transfusion", ago(transfusedAgo), 1.0);
        if (chance(0.5)) w.procedure("transfusion", ago(transfusedAgo + between(20, 120)), 1.0);
      }
      int day = latest;
      for (int v = 0; v < visits && day <= ageDays; v++) {
        LocalDate date = ago(day);
        boolean last = v == 0;
        // some last counts are recollected the same day: with times of day (the later counts) or without (which
        // came last is not recorded)
        boolean recollected = last && chance(0.05);
        boolean timed = recollected && chance(0.5);
        if (timed) w.timeOfDay("06:10:00+01:00");
        cbc(date);
        if (recollected) {
          if (timed) w.timeOfDay("15:30:00+01:00");
          cbc(date);
          w.timeOfDay(null);
        }
        if (last && chemistry) chemistry(date);
        if (last && ecog) w.score("ecog", date, chance(0.75) ? between(0, 2) : between(3, 4));
        if ((last || chance(0.2)) && weight) weight(date);
        if (last && pnhClone) pnhClone(date);
        day += between(14, 120);
      }
    }

    void cbc(LocalDate date) {
      double anc;
      double plt;
      double hb;
      double arc;
      boolean low = !responder;
      switch (disorder) {
        case NONE -> {
          anc = uniform(1.5, 7);
          plt = uniform(140, 420);
          hb = uniform(105, 175);
          arc = uniform(25, 100);
        }
        case AA, CONGENITAL_AA, MDS, AML -> {
          anc = low ? uniform(0.05, 0.9) : uniform(0.5, 3.5);
          plt = low ? uniform(3, 35) : uniform(15, 180);
          hb = low ? uniform(55, 100) : uniform(90, 150);
          arc = low ? uniform(5, 50) : uniform(30, 130);
        }
        case PRCA, AIHA -> {
          anc = uniform(1.2, 6);
          plt = uniform(120, 400);
          hb = low ? uniform(45, 95) : uniform(90, 150);
          arc = disorder == Disorder.PRCA ? uniform(1, 15) : uniform(50, 400);
        }
        case EVANS -> {
          anc = uniform(0.8, 5);
          plt = low ? uniform(5, 60) : uniform(50, 250);
          hb = low ? uniform(50, 100) : uniform(95, 150);
          arc = uniform(40, 300);
        }
        case ITP -> {
          anc = uniform(1.5, 6);
          plt = low ? uniform(3, 40) : uniform(30, 200);
          hb = uniform(100, 160);
          arc = uniform(30, 100);
        }
        case PNH -> {
          anc = uniform(0.5, 4);
          plt = uniform(40, 250);
          hb = low ? uniform(60, 100) : uniform(95, 140);
          arc = uniform(60, 300);
        }
        default -> throw new IllegalStateException();
      }
      count("anc", date, anc, 1.8, 7.7);
      if (chance(0.6)) count("wbc", date, anc + uniform(1, 4), 4.0, 11.0);
      count("platelets", date, plt, 150, 400);
      hemoglobin(date, hb);
      if (disorder != Disorder.NONE && chance(0.6)) count("arc", date, arc, 25, 100);
    }

    /** A cell count in 10*9/L written in one of the units labs use. */
    void count(String measure, LocalDate date, double value, double low, double high) {
      boolean range = chance(0.3);
      double u = r.nextDouble();
      String status = chance(0.003) ? "entered-in-error" : "final";
      if (u < 0.45) {
        w.quantity(measure, date, value, 2, "10*9/L", true, range ? low : null, range ? high : null, status);
      } else if (u < 0.8) {
        w.quantity(measure, date, value, 2, "10*3/uL", true, range ? low : null, range ? high : null, status);
      } else if (u < 0.95) {
        w.quantity(measure, date, value * 1000, 0, "/uL", true, range ? low * 1000 : null,
            range ? high * 1000 : null, status);
      } else {
        w.quantity(measure, date, value, 2, "K/uL", false, null, null, status);
      }
    }

    void hemoglobin(LocalDate date, double gramsPerLitre) {
      boolean range = chance(0.3);
      if (chance(0.6)) {
        w.quantity("hemoglobin", date, gramsPerLitre / 10, 1, "g/dL", true, range ? 12.0 : null,
            range ? 17.5 : null, "final");
      } else {
        w.quantity("hemoglobin", date, gramsPerLitre, 0, "g/L", true, range ? 120.0 : null, range ? 175.0 : null,
            "final");
      }
    }

    void chemistry(LocalDate date) {
      boolean kidney = chance(0.05);
      boolean liver = chance(0.08);
      double creatinine = kidney ? uniform(1.3, 4.5) : uniform(0.5, 1.25);
      if (chance(0.7)) w.quantity("creatinine", date, creatinine, 2, "mg/dL", true, 0.6, 1.2, "final");
      else w.quantity("creatinine", date, creatinine * 88.4, 0, "umol/L", true, 53.0, 106.0, "final");
      w.quantity("alt", date, liver ? uniform(60, 400) : uniform(8, 60), 0, "U/L", true, 7.0, 40.0, "final");
      w.quantity("ast", date, liver ? uniform(60, 350) : uniform(10, 55), 0, "U/L", true, 8.0, 40.0, "final");
      w.quantity("bilirubin-total", date, liver ? uniform(1.5, 6) : uniform(0.2, 1.9), 1, "mg/dL", true, 0.1, 1.2,
          "final");
    }

    void weight(LocalDate date) {
      int a = age();
      double kg = a < 2 ? uniform(3, 12) : a < 12 ? uniform(10, 45) : a < 18 ? uniform(35, 80) : uniform(45, 120);
      w.quantity("body-weight", date, kg, 1, "kg", true, null, null, "final");
    }

    void pnhClone(LocalDate date) {
      double d = r.nextDouble();
      double clone = disorder == Disorder.PNH ? uniform(20, 95) : d < 0.7 ? uniform(0, 10) : d < 0.9
          ? uniform(10, 50) : uniform(50, 90);
      w.quantity("pnh-clone-granulocytes", date, clone, 1, "%", true, null, null, "final");
    }

    double uniform(double lo, double hi) {
      return lo + r.nextDouble() * (hi - lo);
    }

    void comorbidities() {
      int a = age();
      double infection = a >= 18 ? 1 : 0.3;
      if (chance(0.004 * infection)) w.condition("hiv-infection", "active", ago(between(100, 7000)), null, 0.05);
      if (chance(0.008 * infection)) w.condition("hepatitis-c", chronic(), ago(between(100, 7000)), null, 0.05);
      if (chance(0.005 * infection)) w.condition("hepatitis-b", chronic(), ago(between(100, 7000)), null, 0.05);
      if (chance(0.005)) w.condition("helicobacter-pylori-infection", chronic(), ago(between(10, 700)), null, 1);
      if (chance(0.008 * infection)) w.condition("liver-cirrhosis", "active", ago(between(100, 5000)), null, 0.1);
      double old = a >= 50 ? 3 : a >= 18 ? 1 : 0.1;
      if (chance(0.01 * old)) w.condition("myocardial-infarction", "active", ago(between(100, 5000)), null, 0.1);
      if (chance(0.004 * old)) w.condition("stroke", "resolved", ago(between(100, 5000)), null, 1);
      if (chance(0.006 * old)) w.condition("deep-vein-thrombosis", chronic(), ago(between(30, 3000)), null, 1);
      if (chance(0.003 * old)) w.condition("pulmonary-embolism", "resolved", ago(between(30, 3000)), null, 1);
      if (chance(0.002)) w.condition("antiphospholipid-syndrome", "active", ago(between(100, 5000)), null, 0.1);
      if (chance(0.004)) w.condition("systemic-lupus-erythematosus", "active", ago(between(100, 5000)), null, 0.1);
      if (chance(0.012 * old)) w.condition("rheumatoid-arthritis", "active", ago(between(100, 5000)), null, 0.1);
      if (chance(0.003)) w.condition("sjogren-syndrome", "active", ago(between(100, 5000)), null, 1);
      if (chance(0.01 * old)) w.condition("basal-cell-carcinoma-of-skin", "resolved", ago(between(30, 3000)),
          null, 0.1);
      if (chance(0.004 * old)) w.condition("lymphoma", chance(0.5) ? "active" : "remission",
          ago(between(30, 4000)), null, 1);
      if (chance(0.015 * old)) w.condition("congestive-heart-failure", "active", ago(between(30, 4000)), null, 1);
      if (chance(0.02 * old)) ongoingOrPast(pick(ANTICOAGULANTS), between(1, 2000));
      if (chance(0.02)) {
        String drug = pick(CYP3A4);
        if (chance(0.6)) course(drug, between(1, 200), null, "active");
        else course(drug, between(20, 900), between(0, 20), "completed");
      }
      // a steroid cream or inhaler: it names a steroid, but it is not systemic treatment
      if (chance(0.03)) w.appliedLocally(pick(STEROIDS), ago(between(1, 300)), chance(0.5) ? "Topical" : "Inhalation");
      // entries exported with only the hospital's own code: they leave diagnosis and drug criteria open
      if (chance(0.02)) {
        w.localCondition("PL-" + between(1000, 9999), chance(0.7) ? "active" : "resolved", ago(between(30, 3000)),
            chance(0.7));
      }
      if (chance(0.01)) w.localMedication("RX-" + between(1000, 9999), ago(between(1, 400)));
    }

    String chronic() {
      return chance(0.8) ? "active" : "resolved";
    }

    void pregnancy() {
      if (!female() || age() < 15 || age() > 50) return;
      boolean pregnant = age() <= 45 && chance(0.04);
      if (pregnant) w.condition("pregnancy", "active", ago(between(10, 250)), null, 0.2);
      if (chance(0.2)) {
        LocalDate date = ago(between(0, 60));
        if (pregnant) w.codedStatus("82810-3", "Pregnancy status", date, "http://loinc.org", "LA15173-0", "Pregnant");
        else if (chance(0.7)) {
          w.codedStatus("82810-3", "Pregnancy status", date, "http://loinc.org", "LA26683-5", "Not pregnant");
        } else {
          w.codedStatus("82810-3", "Pregnancy status", date, "http://snomed.info/sct", "60001007", "Not pregnant");
        }
      }
      if (!pregnant && age() <= 45 && chance(0.015)) {
        w.condition("lactation", "active", ago(between(10, 300)), null, 1);
      }
    }

    void vaccines() {
      int a = age();
      if (chance(0.4)) w.immunization("inactivated-influenza-vaccine", ago(between(0, 400)), 0.05);
      if (chance(0.03)) w.immunization("live-attenuated-influenza-vaccine", ago(between(0, 400)), 0.05);
      if (a >= 50 && chance(0.2)) w.immunization("pneumococcal-vaccine", ago(between(0, 3000)), 0.05);
      if (chance(0.1)) w.immunization("hepatitis-b-vaccine", ago(between(0, 5000)), 0.05);
      if (chance(0.15)) w.immunization("tdap-vaccine", ago(between(0, 3600)), 0.05);
      if (a < 18 && chance(0.6)) w.immunization("mmr-vaccine", ago(Math.max(0, ageDays - between(365, 2000))), 0.05);
      if (a < 18 && chance(0.4)) w.immunization("varicella-vaccine", ago(Math.max(0, ageDays - between(365, 2000))),
          0.05);
      if (a >= 50 && chance(0.1)) w.immunization("recombinant-zoster-vaccine", ago(between(0, 2000)), 1);
      if (chance(0.015)) w.immunization("yellow-fever-vaccine", ago(between(0, 3000)), 0.05);
    }

    void allergies() {
      if (chance(0.008)) w.allergy("sirolimus", chance(0.3), 0.3);
      if (chance(0.004)) w.allergy("tretinoin", chance(0.3), 1);
      if (chance(0.01)) w.allergy("clarithromycin", chance(0.2), 0.3);
    }
  }
}
