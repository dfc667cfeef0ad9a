package org.eligo.server.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.rule.QualitativeResultRule;

/**
 * Works out which questions a criterion's rule needs: one per rule leaf a person can answer (age, sex, pregnancy, a
 * test result, "have you ever had / taken ..."), and "does this describe you?" for a criterion Eligo could not read.
 * Questions the trial team must settle ({@code Ask}) and screening confirmations are not asked.
 */
public final class QuestionPlanner {
  static final String AGE = "age";
  static final String SEX = "sex";
  static final String PREGNANT = "pregnant";
  static final String BREASTFEEDING = "breastfeeding";
  static final String TRANSFUSION = "transfusion";

  private QuestionPlanner() {}

  /** The questions {@code criterion} needs, by key, in asking order. */
  public static List<Question> questions(String trialId, Criterion criterion) {
    Map<String, Question> out = new LinkedHashMap<>();
    if (criterion.rule() instanceof Unparsed) {
      String key = "c." + trialId + "." + criterion.id();
      out.put(key, Question.yesNo(key, "q.criterion", criterion.text(), 0));
    } else {
      collect(criterion.rule(), out);
    }
    return sorted(out.values());
  }

  /** Every question the criteria need, merged, in asking order. */
  public static List<Question> questions(CriteriaSet set) {
    List<Question> all = new ArrayList<>();
    for (Criterion c : set.criteria()) all.addAll(questions(set.trialId(), c));
    return merge(all);
  }

  /** Questions merged across criteria (same key once; an upper limit asked if any rule needs it). */
  public static List<Question> merge(List<Question> questions) {
    Map<String, Question> out = new LinkedHashMap<>();
    for (Question q : questions) put(out, q);
    return sorted(out.values());
  }

  static List<Question> sorted(java.util.Collection<Question> questions) {
    List<Question> list = new ArrayList<>(questions);
    list.sort(Comparator.comparingInt(Question::order));
    return list;
  }

  private static void collect(Rule rule, Map<String, Question> out) {
    switch (rule) {
      case AgeRule r -> put(out, new Question(AGE, Question.Kind.AGE, "q.age", "", 0, "", List.of(), false));
      case SexRule r -> put(out, new Question(SEX, Question.Kind.SEX, "q.sex", "", 0, "", List.of(), false));
      case PregnancyRule r -> {
        // sex first: pregnancy and breastfeeding are not asked of a man
        put(out, new Question(SEX, Question.Kind.SEX, "q.sex", "", 0, "", List.of(), false));
        boolean pregnant = r.state() == PregnancyRule.State.PREGNANT;
        put(out, Question.yesNo(pregnant ? PREGNANT : BREASTFEEDING, pregnant ? "q.pregnant" : "q.breastfeeding",
            "", 0));
      }
      case MeasurementRule r when r.relativeToLln() -> { } // the lab's lower limit: left to the record (§86)
      case MeasurementRule r -> {
        Question q = new Question("m." + r.measure(), Question.Kind.MEASUREMENT, "q.measurement", r.label(),
            r.recencyDays(), r.unit(), UnitChoice.forMeasure(r.measure(), r.unit()), r.relativeToUln());
        put(out, q);
        if (r.transfusionFreeDays() != null) {
          put(out, Question.yesNo(TRANSFUSION, "q.transfusion", "", r.transfusionFreeDays()));
        }
      }
      case ConditionRule r -> put(out, history("condition", r.concepts(), r.except() + "|" + r.window(),
          windowKey("q.condition", r.window()), withExceptions(r), windowDays(r.window())));
      case ProcedureRule r -> put(out, history("procedure", r.concepts(), procedureKey(r),
          windowKey("q.procedure", r.window()), procedureLabel(r), windowDays(r.window())));
      case ImmunizationRule r -> put(out, history("immunization", r.concepts(), r.window().toString(),
          windowKey("q.immunization", r.window()), r.label(), windowDays(r.window())));
      case AllergyRule r -> put(out, history("allergy", r.concepts(), Boolean.toString(r.anaphylaxisOnly()),
          r.anaphylaxisOnly() ? "q.allergy.anaphylaxis" : "q.allergy", r.label(), 0));
      case MedicationRule r -> put(out, history("medication", r.concepts(), r.timing().toString(),
          timingKey(r.timing()), r.label(), timingDays(r.timing())));
      case AllOf r -> r.rules().forEach(p -> collect(p, out));
      case AnyOf r -> r.rules().forEach(p -> collect(p, out));
      case AtLeast r -> r.rules().forEach(p -> collect(p, out));
      case Not r -> collect(r.rule(), out);
      case Ask r -> { }
      // a lab result few people know by heart: left to the record and the trial team, like a question
      case ViralLoadRule r -> { }
      case QualitativeResultRule r -> { }
      case ScreeningConfirmation r -> { }
      case Unparsed r -> { }
    }
  }

  /**
   * The condition as asked, with what does not count: without "(not counting basal cell carcinoma of skin)" a person
   * with only that would answer yes and be told, wrongly, that the trial excludes them.
   */
  static String withExceptions(ConditionRule r) {
    String label = r.label() == null ? String.join(", ", new TreeSet<>(r.concepts()).stream()
        .map(QuestionPlanner::conceptName).toList()) : r.label();
    if (r.except().isEmpty()) return label;
    return label + " (not counting " + String.join(" or ", new TreeSet<>(r.except()).stream()
        .map(QuestionPlanner::conceptName).toList()) + ")";
  }

  /**
   * A concept as a question names it: its label from the terminology, in lower case unless it begins with an
   * abbreviation or a name ("HIV infection", "hepatitis B virus infection", not "hiv infection", "hepatitis b").
   */
  static String conceptName(String id) {
    String label = org.eligo.terminology.Terminology.load().findConcept(id).map(c -> c.label())
        .filter(l -> !l.isBlank()).orElse(id.replace('-', ' '));
    boolean plainWord = label.length() > 1 && Character.isUpperCase(label.charAt(0))
        && Character.isLowerCase(label.charAt(1));
    return plainWord ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
  }

  private static void put(Map<String, Question> out, Question q) {
    Question old = out.get(q.key());
    if (old == null) {
      out.put(q.key(), q);
    } else {
      Question merged = old;
      if (q.askUpperLimit() && !old.askUpperLimit()) merged = merged.withUpperLimit();
      if (q.key().equals(TRANSFUSION) && q.days() > old.days()) merged = merged.withDays(q.days());
      if (q.kind() == Question.Kind.MEASUREMENT && q.days() < old.days()) merged = merged.withDays(q.days());
      out.put(q.key(), merged);
    }
  }

  /** The key of a closed-world history question: the same rule in any trial gives the same key. */
  static String historyKey(String kind, java.util.Set<String> concepts, String detail) {
    String identity = kind + "|" + new TreeSet<>(concepts) + "|" + detail;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "h." + HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Question history(String kind, java.util.Set<String> concepts, String detail, String messageKey,
                                  String label, int days) {
    return Question.yesNo(historyKey(kind, concepts, detail), messageKey, label == null ? String.join(", ",
        new TreeSet<>(concepts)) : label, days);
  }

  /** The key of a rule leaf's question, or null when the leaf asks nothing. Must agree with {@link #collect}. */
  static String keyOf(Rule leaf) {
    return switch (leaf) {
      case AgeRule r -> AGE;
      case SexRule r -> SEX;
      case PregnancyRule r -> r.state() == PregnancyRule.State.PREGNANT ? PREGNANT : BREASTFEEDING;
      case MeasurementRule r -> "m." + r.measure();
      case ConditionRule r -> historyKey("condition", r.concepts(), r.except() + "|" + r.window());
      case ProcedureRule r -> historyKey("procedure", r.concepts(), procedureKey(r));
      case ImmunizationRule r -> historyKey("immunization", r.concepts(), r.window().toString());
      case AllergyRule r -> historyKey("allergy", r.concepts(), Boolean.toString(r.anaphylaxisOnly()));
      case MedicationRule r -> historyKey("medication", r.concepts(), r.timing().toString());
      default -> null;
    };
  }

  private static String windowKey(String prefix, TimeWindow window) {
    return switch (window) {
      case TimeWindow.Ever e -> prefix + ".ever";
      case TimeWindow.Active a -> prefix + ".active";
      case TimeWindow.Present p -> prefix + ".active";
      case TimeWindow.WithinDays d -> prefix + ".within";
    };
  }

  private static int windowDays(TimeWindow window) {
    return window instanceof TimeWindow.WithinDays d ? d.days() : 0;
  }

  private static String timingKey(MedicationTiming timing) {
    return switch (timing) {
      case MedicationTiming.Current c -> "q.medication.current";
      case MedicationTiming.Ever e -> "q.medication.ever";
      case MedicationTiming.WithinDays w -> "q.medication.within";
      case MedicationTiming.AtLeastDaysBefore b -> b.fromEnd() ? "q.medication.stoppedBefore"
          : "q.medication.startedBefore";
      case MedicationTiming.ContinuousFor c -> "q.medication.continuous";
      case MedicationTiming.ForAtLeastDays f -> "q.medication.forAtLeast";
    };
  }

  private static int timingDays(MedicationTiming timing) {
    return switch (timing) {
      case MedicationTiming.Current c -> 0;
      case MedicationTiming.Ever e -> 0;
      case MedicationTiming.WithinDays w -> w.days();
      case MedicationTiming.AtLeastDaysBefore b -> b.days();
      case MedicationTiming.ContinuousFor c -> c.days();
      case MedicationTiming.ForAtLeastDays f -> f.days();
    };
  }

  /** A count of transfusions is its own question: "yes" to one transfusion is no answer to four units (§92). */
  private static String procedureKey(ProcedureRule r) {
    return r.window().toString() + (r.counted() ? "|" + r.atLeast() + (r.units() ? " units" : " times") : "")
        + (r.except().isEmpty() ? "" : "|except " + new java.util.TreeSet<>(r.except()));
  }

  private static String procedureLabel(ProcedureRule r) {
    return !r.counted() ? r.label() : r.units() ? "at least " + r.atLeast() + " units of " + r.label()
        : r.label() + " (at least " + r.atLeast() + " times)";
  }
}
