package org.eligo.core.rule;

import java.util.List;
import java.util.stream.Collectors;

/** Says a rule in plain words, e.g. "absolute neutrophil count ≥ 0.5 10*9/L (latest within 90 days)". */
public final class RuleDescriber {
  private RuleDescriber() {}

  public static String describe(Rule rule) {
    return switch (rule) {
      case AgeRule r -> age(r);
      case SexRule r -> "sex: " + r.allowed().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
          .sorted().collect(Collectors.joining(" or "));
      case MeasurementRule r -> r.label() + " " + r.comparator().symbol() + " " + number(r.threshold())
          + (r.relativeToUln() ? " × upper limit of normal" : r.relativeToLln() ? " × lower limit of normal"
              : unit(r.unit()))
          + " (latest within " + span(r.recencyDays())
          + (r.transfusionFreeDays() != null ? ", no transfusion in the " + span(r.transfusionFreeDays()) + " before"
              : "") + ")";
      case ConditionRule r -> "diagnosis of " + r.label() + window(r.window())
          + (r.except().isEmpty() ? "" : " (exceptions apply)");
      case MedicationRule r -> "took " + r.label() + " " + timing(r.timing());
      case ProcedureRule r -> (!r.counted() ? "had " + r.label() + window(r.window())
          : r.units() ? "had at least " + r.atLeast() + " units of " + r.label() + window(r.window())
          : "had " + r.label() + " at least " + r.atLeast() + " times" + window(r.window()))
          + (r.except().isEmpty() ? "" : " (other than " + String.join(", ", new java.util.TreeSet<>(r.except()))
              .replace('-', ' ') + ")");
      case ImmunizationRule r -> "received " + r.label() + window(r.window());
      case AllergyRule r -> (r.anaphylaxisOnly() ? "anaphylaxis to " : "allergy or hypersensitivity to ") + r.label();
      case PregnancyRule r -> r.state() == PregnancyRule.State.PREGNANT ? "pregnant" : "breastfeeding";
      case ViralLoadRule r -> (r.detection() ? "detectable " + r.label() : r.label() + " " + r.comparator().symbol() + " "
          + number(r.threshold()) + " " + r.unit().replace("[IU]", "IU").replace("{copies}", "copies"))
          + " (latest within " + span(r.recencyDays()) + ")";
      case QualitativeResultRule r -> "positive " + r.label() + (r.ever() ? " (at any time)"
          : " (latest within " + span(r.recencyDays()) + ")");
      case AllOf r -> join("all of", r.rules());
      case AnyOf r -> join("any of", r.rules());
      case AtLeast r -> join("at least " + r.count() + " of", r.rules());
      case Not r -> "not (" + describe(r.rule()) + ")";
      case Ask r -> "ask: " + r.question();
      case ScreeningConfirmation r -> "to confirm at screening: " + r.what();
      case Unparsed r -> "not understood automatically (" + r.reason() + ")";
    };
  }

  /**
   * A UCUM unit as a reader writes it after a number: none for a score or ratio ({@code {score}}, {@code {INR}}),
   * "mL/min/1.73 m²" for {@code mL/min/{1.73_m2}}, "kg/m²" for {@code kg/m2}.
   */
  public static String unit(String ucum) {
    if (ucum.isEmpty() || (ucum.startsWith("{") && ucum.endsWith("}") && ucum.indexOf('}') == ucum.length() - 1)) {
      return "";
    }
    return " " + ucum.replace("{1.73_m2}", "1.73 m²").replace("kg/m2", "kg/m²");
  }

  private static String age(AgeRule r) {
    StringBuilder b = new StringBuilder("age");
    if (r.min() != null) b.append(r.minInclusive() ? " ≥ " : " > ").append(r.min());
    if (r.min() != null && r.max() != null) b.append(" and");
    if (r.max() != null) b.append(r.maxInclusive() ? " ≤ " : " < ").append(r.max());
    return b.toString();
  }

  private static String window(TimeWindow w) {
    return switch (w) {
      case TimeWindow.Ever e -> "";
      case TimeWindow.Present p -> "";
      case TimeWindow.Active a -> ", current";
      case TimeWindow.WithinDays d -> (d.onset() ? " that began within the last " : " within the last ")
          + span(d.days());
    };
  }

  private static String timing(MedicationTiming t) {
    return switch (t) {
      case MedicationTiming.Current c -> "now";
      case MedicationTiming.Ever e -> "at any time";
      case MedicationTiming.WithinDays w -> "within the last " + span(w.days());
      case MedicationTiming.AtLeastDaysBefore b -> (b.fromEnd() ? "ending" : "starting") + " at least " + span(b.days())
          + " ago";
      case MedicationTiming.ContinuousFor c -> "continuously for the last " + span(c.days()) + " (gaps up to "
          + c.maxGapDays() + " days)";
      case MedicationTiming.ForAtLeastDays f -> "for at least " + span(f.days());
    };
  }

  private static String join(String head, List<Rule> parts) {
    return head + ": " + parts.stream().map(RuleDescriber::describe).collect(Collectors.joining("; "));
  }

  private static String number(double value) {
    return ReadableNumber.of(value);
  }

  /** A number of days as people say it: 1825 days is "5 years", 180 "6 months", 28 "4 weeks", 10 "10 days". */
  public static String span(int days) {
    if (days > 0 && days % 365 == 0) return plural(days / 365, "year");
    if (days >= 60 && days % 30 == 0) return plural(days / 30, "month");
    if (days >= 14 && days % 7 == 0) return plural(days / 7, "week");
    return plural(days, "day");
  }

  private static String plural(int n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
