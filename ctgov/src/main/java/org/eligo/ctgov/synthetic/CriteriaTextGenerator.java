package org.eligo.ctgov.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes eligibility criteria text in the styles real registry records use: headings in different cases, bullets,
 * numbers, nested lists, circled numbers (①②), semicolon-separated prose; lab thresholds with comparators in
 * symbols and words and units written many ways; ECOG ranges; time windows; prior drug classes; pregnancy; consent.
 */
final class CriteriaTextGenerator {

  /** What the text must agree with. */
  record Facts(Vocabulary.Area area, Vocabulary.Agent agent, String condition, String minimumAge, String maximumAge,
               boolean femaleOnly) {}

  private enum Style { STANDARD, UPPER_NUMBERED, DASHES, NESTED, CIRCLED, SEMICOLONS, PARENTHESES }

  private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮";

  String criteria(Facts facts, SplittableRandom random) {
    List<String> inclusion = new ArrayList<>();
    List<String> exclusion = new ArrayList<>();
    inclusion.add(age(facts, random));
    inclusion.add(fill(pick(random, "Diagnosis of %s according to %s", "Confirmed diagnosis of %s (per %s)",
        "Patients with %s diagnosed by %s"), facts.condition(), facts.area().guideline()));
    List<String> organFunction = new ArrayList<>();
    if (facts.area().hematology()) {
      inclusion.add(platelets(random));
      if (random.nextBoolean()) inclusion.add(neutrophils(random));
      if (random.nextBoolean()) inclusion.add(hemoglobin(random));
      inclusion.add(pick(random,
          "Failure of, relapse after, or intolerance to at least one prior line of therapy",
          "Refractory to or relapsed after first-line corticosteroids",
          "Received a " + facts.agent().drugClass() + " for at least 3 months without response"));
    }
    organFunction.add(liver(random));
    organFunction.add(renal(random));
    if (random.nextInt(3) > 0) inclusion.add(ecog(random));
    if (!facts.area().hematology() || random.nextBoolean()) inclusion.addAll(organFunction);
    if (!facts.maximumAge().isEmpty() || random.nextBoolean()) {
      inclusion.add(pick(random,
          "Women of childbearing potential must have a negative serum pregnancy test within 7 days before enrollment",
          "Female patients of child-bearing potential must agree to use effective contraception during the study "
              + "and for 3 months after the last dose"));
    }
    inclusion.add(pick(random, "Signed written informed consent", "Able to understand and willing to sign a "
        + "written informed consent document", "The patient or legal guardian has signed the informed consent form"));

    exclusion.add(pick(random, "Pregnant or breastfeeding women", "Pregnancy or lactation",
        "Women who are pregnant, lactating or planning pregnancy during the study"));
    exclusion.add(priorTreatment(facts, random));
    exclusion.add(pick(random, "History of malignancy within the past 5 years, except adequately treated basal "
            + "cell carcinoma or carcinoma in situ of the cervix",
        "Active malignancy requiring treatment within 3 years prior to screening"));
    exclusion.add(pick(random, "Known HIV infection, or active hepatitis B or hepatitis C infection",
        "Positive for HIV, HBsAg or HCV antibody with detectable HCV RNA"));
    exclusion.add(fill(pick(random, "Known hypersensitivity to %s or any of its excipients",
        "History of allergy to %s"), facts.agent().name().toLowerCase(java.util.Locale.ROOT)));
    if (random.nextBoolean()) {
      exclusion.add(pick(random, "Received a live vaccine within 30 days before the first dose",
          "Participation in another interventional clinical trial within 4 weeks before enrollment",
          "Concomitant use of anticoagulants (warfarin, heparin or direct oral anticoagulants)"));
    }
    if (facts.area().hematology() && random.nextBoolean()) {
      exclusion.add(pick(random, "Prior hematopoietic stem cell transplantation",
          "Hematopoietic stem cell transplantation at least 12 months prior with ongoing graft-versus-host disease",
          "Congenital bone marrow failure syndromes such as Fanconi anemia or dyskeratosis congenita"));
    }
    exclusion.add(pick(random, "Any condition that, in the opinion of the investigator, would interfere with "
        + "participation", "Severe cardiac, pulmonary, hepatic or renal disease"));

    Style style = Style.values()[random.nextInt(Style.values().length)];
    if (style == Style.NESTED) {
      inclusion.removeAll(organFunction);
      return render(Style.STANDARD, inclusion, exclusion, random)
          .replace("\n\nExclusion Criteria:", "\n* Adequate organ function, defined as:\n\n  * "
              + String.join("\n  * ", organFunction) + "\n\nExclusion Criteria:");
    }
    return render(style, inclusion, exclusion, random);
  }

  private static String render(Style style, List<String> inclusion, List<String> exclusion,
                               SplittableRandom random) {
    return switch (style) {
      case STANDARD, NESTED -> "Inclusion Criteria:\n\n" + bullets("* ", inclusion) + "\n\nExclusion Criteria:\n\n"
          + bullets("* ", exclusion);
      case UPPER_NUMBERED -> "INCLUSION CRITERIA:\n\n" + numbered("%d. ", inclusion) + "\n\nEXCLUSION CRITERIA:\n\n"
          + numbered("%d. ", exclusion);
      case DASHES -> (random.nextBoolean() ? "Key inclusion criteria\n\n" : "inclusion criteria:\n\n")
          + bullets("- ", inclusion) + (random.nextBoolean() ? "\n\nKey exclusion criteria\n\n"
          : "\n\nexclusion criteria:\n\n") + bullets("- ", exclusion);
      case CIRCLED -> "Inclusion criteria:\n" + circled(inclusion) + "\nExclusion criteria:\n" + circled(exclusion);
      case SEMICOLONS -> "Inclusion criteria: " + lowerFirst(String.join("; ", inclusion)) + ".\n\nExclusion "
          + "criteria: " + lowerFirst(String.join("; ", exclusion)) + ".";
      case PARENTHESES -> "Inclusion Criteria:\n\n" + numbered("%d) ", inclusion) + "\n\nExclusion Criteria:\n\n"
          + numbered("%d) ", exclusion);
    };
  }

  private static String bullets(String marker, List<String> items) {
    return marker + String.join("\n" + marker, items);
  }

  private static String numbered(String format, List<String> items) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) s.append('\n');
      s.append(format.replace("%d", Integer.toString(i + 1))).append(items.get(i));
    }
    return s.toString();
  }

  private static String circled(List<String> items) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      s.append(CIRCLED.charAt(Math.min(i, CIRCLED.length() - 1))).append(items.get(i)).append("；\n");
    }
    return s.toString();
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String age(Facts facts, SplittableRandom random) {
    String min = facts.minimumAge().toLowerCase(java.util.Locale.ROOT);
    String who = facts.femaleOnly() ? "Female patients" : pick(random, "Male or female patients", "Patients",
        "Participants");
    if (facts.maximumAge().isEmpty()) {
      return pick(random, "Age ≥ " + min, who + " aged " + min + " or older",
          "Aged at least " + min + " at the time of consent");
    }
    String max = facts.maximumAge().toLowerCase(java.util.Locale.ROOT);
    return pick(random, who + " aged " + min + " to " + max, "Age " + min + " - " + max + " (inclusive)",
        who + " between " + min + " and " + max + " old");
  }

  private static String platelets(SplittableRandom random) {
    int threshold = pickInt(random, 20, 30, 50);
    return pick(random,
        "Platelet count < " + threshold + " × 10^9/L",
        "platelet count \\< " + threshold + ",000/µL on two occasions at least 1 week apart",
        "Platelets less than " + threshold + "x10^9/L without transfusion support",
        "PLT ≤ " + threshold + "×10⁹/L",
        "Platelet count of " + threshold + " × 10⁹/L or lower at screening");
  }

  private static String neutrophils(SplittableRandom random) {
    return pick(random, "Absolute neutrophil count (ANC) ≥ 1.0 × 10^9/L",
        "ANC greater than or equal to 1,500/mm3", "Neutrophils >= 0.5 x10^9/L",
        "absolute neutrophil count at least 1000/µL");
  }

  private static String hemoglobin(SplittableRandom random) {
    return pick(random, "Hemoglobin ≥ 9 g/dL", "Hb > 90 g/L", "Haemoglobin at least 8.0 g/dL",
        "hemoglobin greater than 100 g/L without transfusion within the previous 2 weeks");
  }

  private static String liver(SplittableRandom random) {
    return pick(random, "ALT and AST ≤ 2.5 × ULN", "Total bilirubin \\< 1.5 times the upper limit of normal (ULN)",
        "AST/ALT no more than 3 x ULN", "Serum total bilirubin ≤ 1.5 mg/dL (≤ 3 × ULN for Gilbert syndrome)");
  }

  private static String renal(SplittableRandom random) {
    return pick(random, "Serum creatinine ≤ 1.5 × ULN", "Creatinine clearance ≥ 60 mL/min (Cockcroft-Gault)",
        "eGFR greater than 45 mL/min/1.73 m2", "serum creatinine less than or equal to 176.8 µmol/L");
  }

  private static String ecog(SplittableRandom random) {
    return pick(random, "ECOG performance status 0-2", "ECOG PS ≤ 1",
        "Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1 or 2",
        "ECOG score between 0 and 1");
  }

  private static String priorTreatment(Facts facts, SplittableRandom random) {
    String drugClass = facts.agent().drugClass();
    return pick(random,
        "Treatment with a " + drugClass + " within 12 weeks before enrollment",
        "Prior " + drugClass + " administered at least 12 months prior is allowed; any use within the past 6 months "
            + "is not",
        "Received " + facts.agent().name().toLowerCase(java.util.Locale.ROOT) + " or another " + drugClass
            + " in the past 4 weeks",
        "Use of any investigational drug within 30 days or 5 half-lives, whichever is longer, before the first dose");
  }

  /** Replaces each {@code %s} in turn with the next value (cheaper than {@link String#formatted}). */
  static String fill(String pattern, String... values) {
    StringBuilder s = new StringBuilder(pattern.length() + 32);
    int from = 0;
    for (String value : values) {
      int at = pattern.indexOf("%s", from);
      if (at < 0) break;
      s.append(pattern, from, at).append(value);
      from = at + 2;
    }
    return s.append(pattern, from, pattern.length()).toString();
  }

  static String pick(SplittableRandom random, String... options) {
    return options[random.nextInt(options.length)];
  }

  static int pickInt(SplittableRandom random, int... options) {
    return options[random.nextInt(options.length)];
  }
}
