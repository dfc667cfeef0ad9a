package org.eligo.screening.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.stream.Collectors;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
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
import org.eligo.core.trial.RegistryAge;

/**
 * Compiles a trial's rules into SQL over {@link SqlSchema}, for one as-of date, with the evaluator's semantics rule
 * for rule: open-world measurements and demographics, closed-world history, time windows, the newest result within
 * its recency window, "× ULN", "without transfusion support", pregnancy from conditions and status observations.
 * Each rule becomes an integer expression (0 NOT_MET, 1 UNKNOWN, 2 MET) evaluated per row of {@code patients p}.
 * Dates given only as a year or month are compared at both ends ({@code onset} and {@code onset_latest}, ...), as
 * the evaluator does: a time limit between them is UNKNOWN.
 *
 * <p>Not expressed (kept UNKNOWN in SQL): {@link MedicationTiming.ContinuousFor} ("continuous treatment for the last
 * six months, gaps up to 30 days"), which needs the union of a patient's treatment periods (gaps and islands over
 * an unknown number of rows); and, as in Eligo itself, {@link Ask}, {@link Unparsed} and
 * {@link ScreeningConfirmation}; a qualitative test's result ({@link QualitativeResultRule}, the DAT) and a limit relative
 * to the lower limit of normal, which the tables do not give SQL (DECISIONS §86). Infection test results (HBsAg, HCV RNA ...), which Eligo reads beside the diagnoses,
 * are not exported: the generated populations have none, and SQL would differ from Eligo on records that do.
 */
public final class SqlRuleCompiler {
  private static final String ACTIVE = "('ACTIVE','RECURRENCE','RELAPSE')";

  private final LocalDate asOf;
  private final String today;

  public SqlRuleCompiler(LocalDate asOf) {
    this.asOf = asOf;
    this.today = date(asOf);
  }

  /** True when SQL gives the same truth as Eligo for this rule (no part is left UNKNOWN by SQL alone). */
  public static boolean expressible(Rule rule) {
    return switch (rule) {
      case MedicationRule r -> !(r.timing() instanceof MedicationTiming.ContinuousFor);
      // the export writes every coded result (a DAT too) and no lower reference limit, which SQL does not read (§86)
      case QualitativeResultRule r -> false;
      case MeasurementRule r -> !r.relativeToLln();
      case AllOf r -> r.rules().stream().allMatch(SqlRuleCompiler::expressible);
      case AnyOf r -> r.rules().stream().allMatch(SqlRuleCompiler::expressible);
      case AtLeast r -> r.rules().stream().allMatch(SqlRuleCompiler::expressible);
      case Not r -> expressible(r.rule());
      default -> true;
    };
  }

  /** The rule as SQL sees it: each part SQL cannot express replaced by an {@link Unparsed} (always UNKNOWN). */
  public static Rule sqlView(Rule rule) {
    return switch (rule) {
      case MedicationRule r when r.timing() instanceof MedicationTiming.ContinuousFor ->
          new Unparsed("not expressible in SQL: continuous treatment across periods");
      case QualitativeResultRule r -> new Unparsed("not expressible in SQL: a qualitative test's result");
      case MeasurementRule r when r.relativeToLln() ->
          new Unparsed("not expressible in SQL: a limit relative to the lower limit of normal");
      case AllOf r -> new AllOf(r.rules().stream().map(SqlRuleCompiler::sqlView).toList());
      case AnyOf r -> new AnyOf(r.rules().stream().map(SqlRuleCompiler::sqlView).toList());
      case AtLeast r -> new AtLeast(r.count(), r.rules().stream().map(SqlRuleCompiler::sqlView).toList());
      case Not r -> new Not(sqlView(r.rule()));
      default -> rule;
    };
  }

  /**
   * A query giving, per patient, each criterion's truth as {@code 'MET'}, {@code 'NOT_MET'} or {@code 'UNKNOWN'}
   * (columns {@code c0, c1, ...} in criteria order) and the verdict.
   */
  public String criteriaQuery(CriteriaSet set) {
    List<Criterion> criteria = set.criteria();
    StringBuilder inner = new StringBuilder("SELECT p.patient_id");
    for (int i = 0; i < criteria.size(); i++) inner.append(",\n  ").append(truth(criteria.get(i).rule()))
        .append(" AS t").append(i);
    inner.append("\nFROM patients p");
    StringBuilder q = new StringBuilder("SELECT patient_id");
    for (int i = 0; i < criteria.size(); i++) {
      q.append(", CASE t").append(i).append(" WHEN 2 THEN 'MET' WHEN 0 THEN 'NOT_MET' ELSE 'UNKNOWN' END AS c")
          .append(i);
    }
    q.append(", ").append(verdict(criteria)).append(" AS verdict\nFROM (").append(inner).append(") q");
    return q.toString();
  }

  /** A query counting patients by verdict for a trial: rows {@code (verdict, n)}. */
  public String verdictCountQuery(CriteriaSet set) {
    return "SELECT verdict, COUNT(*) AS n FROM (" + criteriaQuery(set) + ") v GROUP BY verdict";
  }

  private static String verdict(List<Criterion> criteria) {
    List<String> excluded = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      if (c.confirmAtScreening()) continue;
      excluded.add("t" + i + (c.type() == CriterionType.INCLUSION ? " = 0" : " = 2"));
      open.add("t" + i + " = 1");
    }
    return "CASE WHEN " + (excluded.isEmpty() ? "FALSE" : String.join(" OR ", excluded))
        + " THEN 'INELIGIBLE' WHEN " + (open.isEmpty() ? "FALSE" : String.join(" OR ", open))
        + " THEN 'NEEDS_INFO' ELSE 'ELIGIBLE' END";
  }

  /** The rule's truth for the patient row {@code p}, as 0, 1 or 2. */
  public String truth(Rule rule) {
    return switch (rule) {
      case AgeRule r -> age(r);
      case SexRule r -> sex(r);
      case MeasurementRule r -> measurement(r);
      case ConditionRule r -> condition(r);
      case MedicationRule r -> medication(r);
      // as HistoryEvaluator: a record without a single procedure (vaccination) rules none out
      case ProcedureRule r -> "GREATEST(" + (r.counted() ? counted(r) : dated("procedures", "procedure_concepts",
          r.concepts(), r.except(), r.window()) + ", " + administered(r.concepts(), r.except(), r.window()) + ", "
          + statusCondition(r))
          + ", LEAST(" + dated("procedures", "procedure_concepts", Unidentified.CONCEPTS,
          r.window()) + ", 1), " + bloodProduct(r) + noneRecorded("procedures") + ")";
      case ImmunizationRule r -> "GREATEST(" + dated("immunizations", "immunization_concepts", r.concepts(),
          r.window()) + ", LEAST(" + dated("immunizations", "immunization_concepts", Unidentified.CONCEPTS,
          r.window()) + ", 1), " + noneRecorded("immunizations") + ")";
      case AllergyRule r -> "GREATEST(COALESCE((SELECT MAX(CASE WHEN " + (r.anaphylaxisOnly() ? "NOT x.anaphylaxis"
          : "FALSE") + " THEN 1 ELSE 2 END) FROM allergies x WHERE x.patient_id = p.patient_id AND "
          + concept("allergy_concepts", "x", r.concepts()) + "), 0), " + unread("allergies", "allergy_concepts") + ")";
      case PregnancyRule r -> pregnancy(r);
      case AllOf r -> r.rules().size() == 1 ? truth(r.rules().getFirst())
          : "LEAST(" + r.rules().stream().map(this::truth).collect(Collectors.joining(", ")) + ")";
      case AnyOf r -> r.rules().size() == 1 ? truth(r.rules().getFirst())
          : "GREATEST(" + r.rules().stream().map(this::truth).collect(Collectors.joining(", ")) + ")";
      case AtLeast r -> atLeast(r);
      case Not r -> "(2 - " + truth(r.rule()) + ")";
      case Ask r -> "1";
      // the population tables hold no infection test results (DECISIONS §10), so Eligo too finds none: UNKNOWN
      case ViralLoadRule r -> "1";
      // the coded results are exported (a DAT too), but not read here: not expressible, UNKNOWN in sqlView too (§86)
      case QualitativeResultRule r -> "1";
      case ScreeningConfirmation r -> "1";
      case Unparsed r -> "1";
    };
  }

  private String atLeast(AtLeast r) {
    List<String> parts = r.rules().stream().map(this::truth).toList();
    String met = parts.stream().map(x -> "(CASE WHEN " + x + " = 2 THEN 1 ELSE 0 END)")
        .collect(Collectors.joining(" + "));
    String possible = parts.stream().map(x -> "(CASE WHEN " + x + " >= 1 THEN 1 ELSE 0 END)")
        .collect(Collectors.joining(" + "));
    return "(CASE WHEN " + met + " >= " + r.count() + " THEN 2 WHEN " + possible + " < " + r.count()
        + " THEN 0 ELSE 1 END)";
  }

  private String age(AgeRule r) {
    String early = limits(r, "p.birth_date");
    String late = limits(r, "p.birth_date_latest");
    // as DemographicsEvaluator: a year or month of birth only is read at both ends; a limit inside it is UNKNOWN
    return "(CASE WHEN p.birth_date IS NULL OR p.birth_date > " + today + " THEN 1 WHEN p.birth_date_latest > "
        + today + " THEN (CASE WHEN " + early + " THEN 2 ELSE 0 END) WHEN (" + early + ") AND (" + late
        + ") THEN 2 WHEN NOT (" + early + ") AND NOT (" + late + ") THEN 0 ELSE 1 END)";
  }

  private String limits(AgeRule r, String birth) {
    List<String> tests = new ArrayList<>();
    if (r.min() != null) tests.add(bound(r.min(), true, r.minInclusive(), birth));
    if (r.max() != null) tests.add(bound(r.max(), false, r.maxInclusive(), birth));
    return tests.isEmpty() ? "TRUE" : "(" + String.join(" AND ", tests) + ")";
  }

  /** One age limit as a condition on the birth date column {@code birth}, in completed units on the as-of date. */
  private String bound(RegistryAge age, boolean min, boolean inclusive, String birth) {
    long n = age.amount();
    return switch (age.unit()) {
      case YEARS, MONTHS -> {
        long k = age.unit() == RegistryAge.Unit.YEARS ? 12 : 1;
        // completed months on the as-of date, as java.time.Period counts them
        String months = "((" + (asOf.getYear() * 12L + asOf.getMonthValue()) + " - (EXTRACT(YEAR FROM " + birth
            + ") * 12 + EXTRACT(MONTH FROM " + birth + "))) - CASE WHEN " + asOf.getDayOfMonth()
            + " < EXTRACT(DAY FROM " + birth + ") THEN 1 ELSE 0 END)";
        yield min ? months + " >= " + (inclusive ? k * n : k * (n + 1))
            : months + " <= " + (inclusive ? k * n + k - 1 : k * n - 1);
      }
      case WEEKS -> min ? daysAtLeast(inclusive ? 7 * n : 7 * n + 7, birth)
          : daysAtMost(inclusive ? 7 * n + 6 : 7 * n - 1, birth);
      case DAYS, HOURS, MINUTES -> {
        long k = age.unit() == RegistryAge.Unit.DAYS ? 1 : age.unit() == RegistryAge.Unit.HOURS ? 24 : 1440;
        yield min ? daysAtLeast(Math.ceilDiv(inclusive ? n : n + 1, k), birth)
            : daysAtMost(Math.floorDiv(inclusive ? n : n - 1, k), birth);
      }
    };
  }

  private String daysAtLeast(long days, String birth) {
    return birth + " <= " + date(asOf.minusDays(days));
  }

  private String daysAtMost(long days, String birth) {
    return days < 0 ? "FALSE" : birth + " >= " + date(asOf.minusDays(days));
  }

  private static String sex(SexRule r) {
    String allowed = r.allowed().stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(","));
    return "(CASE WHEN p.sex = 'UNKNOWN' THEN 1" + (r.allowed().contains(Sex.OTHER) ? ""
        : " WHEN p.sex = 'OTHER' THEN 1") + " WHEN p.sex IN (" + allowed + ") THEN 2 ELSE 0 END)";
  }

  private String measurement(MeasurementRule r) {
    // the population tables keep no lower reference limit: not expressible, UNKNOWN in sqlView too (§86)
    if (r.relativeToLln()) return "1";
    String threshold = "CAST(" + Double.toString(r.threshold()) + " AS FLOAT8)";
    if (r.relativeToUln()) threshold = threshold + " * l.ref_high";
    String op = switch (r.comparator()) {
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
      case EQ -> "=";
    };
    String pass = "2";
    if (r.transfusionFreeDays() != null) {
      // as MeasurementEvaluator: a transfusion procedure, a blood product administered, or one of no kind Eligo can
      // tell, that may fall in the window before the result (DECISIONS 87)
      Set<String> any = Set.of("transfusion", Unidentified.BLOOD_PRODUCT);
      String from = "l.day - INTERVAL '" + r.transfusionFreeDays() + " days'";
      String mDay = "COALESCE(t.start_day, t.end_day)";
      String mLatest = "(CASE WHEN t.end_day IS NOT NULL THEN COALESCE(t.end_latest, t.end_day) ELSE COALESCE("
          + "t.start_latest, t.start_day) END)";
      pass = "(CASE WHEN EXISTS (SELECT 1 FROM procedures t WHERE t.patient_id = p.patient_id AND "
          + concept("procedure_concepts", "t", any) + " AND (t.day IS NULL OR (t.day_latest >= " + from
          + " AND t.day <= " + last("l.day_latest") + "))) OR EXISTS (SELECT 1 FROM medications t WHERE t.patient_id = "
          + "p.patient_id AND t.status <> 'INTENDED' AND " + concept("medication_concepts", "t", any) + " AND ("
          + mDay + " IS NULL OR (" + mLatest + " >= " + from + " AND " + mDay + " <= " + last("l.day_latest")
          + "))) THEN 1 ELSE 2 END)";
    }
    // values within a relative 1e-9 of the threshold count as equal to it, as in Comparator.test
    boolean equalPasses = switch (r.comparator()) {
      case LE, GE, EQ -> true;
      case LT, GT -> false;
    };
    String equal = "ABS(l.value - " + threshold + ") <= 1e-9 * GREATEST(1.0, ABS(" + threshold + "))";
    // as MeasurementEvaluator: of the newest day's results, the one with the latest time and those without a time,
    // and any result dated by a year or month that reaches that day (it may be the latest); when they disagree the
    // answer is UNKNOWN. A year or month starting before the recency window is UNKNOWN, as a stale day is
    String each = "CASE WHEN l.day < " + date(asOf.minusDays(r.recencyDays())) + " THEN 1"
        + (r.relativeToUln() ? " WHEN l.ref_high IS NULL THEN 1" : "")
        + " WHEN l.bound IS NOT NULL THEN " + bounded(r.comparator(), threshold, equal, pass) + " WHEN " + equal
        + " THEN "
        + (equalPasses ? pass : "0") + " WHEN l.value " + op + " " + threshold + " THEN " + pass + " ELSE 0 END";
    String measure = string(r.measure());
    String newestDay = "(SELECT MAX(m.day) FROM measurements m WHERE m.patient_id = p.patient_id AND m.measure = "
        + measure + " AND m.day <= " + today + ")";
    String latestTime = "(SELECT MAX(t.measured_at) FROM measurements t WHERE t.patient_id = p.patient_id AND t.measure = "
        + measure + " AND t.day = l.day)";
    return "(SELECT CASE WHEN MIN(x.v) = MAX(x.v) THEN MIN(x.v) ELSE 1 END FROM (SELECT " + each + " AS v "
        + "FROM measurements l WHERE l.patient_id = p.patient_id AND l.measure = " + measure + " AND ((l.day = "
        + newestDay + " AND (l.measured_at IS NULL OR l.measured_at = " + latestTime + ")) OR (l.day_latest > l.day"
        + " AND l.day <= " + today + " AND " + last("l.day_latest") + " >= " + newestDay + "))) x)";
  }

  /**
   * A result given as a bound ({@code l.bound}: "<5") against the threshold, as {@code BoundComparison}: {@code pass}
   * when every result the bound allows passes, 0 when none does, else 1. On the threshold (within the same relative
   * 1e-9), whether the bound and the rule include the threshold decides.
   */
  private static String bounded(Comparator comparator, String threshold, String equal, String pass) {
    String upper = "l.bound IN ('<', '<=')";
    String inclusive = "l.bound IN ('<=', '>=')";
    String beyond = "((" + upper + " AND l.value < " + threshold + ") OR (NOT " + upper + " AND l.value > " + threshold
        + "))";
    if (comparator == Comparator.EQ) {
      return "(CASE WHEN " + equal + " THEN (CASE WHEN " + inclusive + " THEN 1 ELSE 0 END) WHEN " + beyond
          + " THEN 0 ELSE 1 END)";
    }
    boolean ruleUpper = comparator == Comparator.LT || comparator == Comparator.LE;
    boolean ruleInclusive = comparator == Comparator.LE || comparator == Comparator.GE;
    String sameDirection = ruleUpper ? upper : "NOT " + upper;
    // same direction ("<5" against "< 10"): all pass inside the rule's range; opposite: none passes outside it
    String same = "(CASE WHEN " + equal + " THEN " + (ruleInclusive ? pass : "(CASE WHEN " + inclusive
        + " THEN 1 ELSE " + pass + " END)") + " WHEN " + beyond + " THEN " + pass + " ELSE 1 END)";
    String opposite = "(CASE WHEN " + equal + " THEN " + (ruleInclusive ? "(CASE WHEN " + inclusive
        + " THEN 1 ELSE 0 END)" : "0") + " WHEN " + beyond + " THEN 0 ELSE 1 END)";
    return "(CASE WHEN " + sameDirection + " THEN " + same + " ELSE " + opposite + " END)";
  }

  private String condition(ConditionRule r) {
    String abated = "(f.abatement IS NOT NULL AND f.abatement <= " + today + ")";
    String window = switch (r.window()) {
      case TimeWindow.Ever e -> "ELSE 2";
      // as ConditionEvaluator: current counts, and of unknown status when it surely began within the last 30 days;
      // a past one, or an older one without a status, leaves it open
      case TimeWindow.Present p -> "WHEN " + abated + " THEN 1 WHEN f.status IN " + ACTIVE
          + " THEN 2 WHEN f.status = 'UNKNOWN' AND f.onset IS NOT NULL AND f.onset >= "
          + date(asOf.minusDays(TimeWindow.Present.UNSTATED_CURRENT_DAYS)) + " THEN 2 ELSE 1";
      case TimeWindow.Active a -> "WHEN " + abated + " THEN 0 WHEN f.status IN " + ACTIVE
          + " THEN 2 WHEN f.status = 'UNKNOWN' THEN 1 ELSE 0";
      // as ConditionEvaluator: a one-off event counts by its onset alone, whatever its status; without onset, open
      case TimeWindow.WithinDays w when w.onset() -> {
        String start = date(asOf.minusDays(w.days()));
        // undated but abated before the window's start: it cannot have begun within it
        yield "WHEN f.onset IS NULL THEN (CASE WHEN " + abated + " AND " + last("f.abatement_latest") + " < " + start
            + " THEN 0 ELSE 1 END) WHEN f.onset >= " + start + " THEN 2 WHEN " + last("f.onset_latest")
            + " >= " + start + " THEN 1 ELSE 0";
      }
      case TimeWindow.WithinDays w -> {
        String start = date(asOf.minusDays(w.days()));
        // as ConditionEvaluator: a year or month of onset or abatement straddling the window's start leaves it open
        String rest = "(CASE WHEN " + abated + " THEN (CASE WHEN f.abatement >= " + start + " THEN 2 WHEN "
            + last("f.abatement_latest") + " >= " + start + " THEN 1 ELSE 0 END) WHEN f.status IN " + ACTIVE
            + " THEN 2 ELSE 1 END)";
        yield "WHEN f.onset IS NOT NULL AND f.onset >= " + start + " THEN 2 WHEN f.onset IS NOT NULL AND "
            + last("f.onset_latest") + " >= " + start + " THEN (CASE WHEN " + rest + " = 2 THEN 2 ELSE 1 END) ELSE "
            + rest;
      }
    };
    String except = r.except().isEmpty() ? "" : " AND NOT " + concept("condition_concepts", "f", r.except());
    // as ConditionEvaluator: a diagnosis only suspected is UNKNOWN at most; no diagnosis at all in the record, UNKNOWN
    String each = "CASE WHEN f.onset IS NOT NULL AND f.onset > " + today + " THEN 0 " + window + " END";
    // a diagnosis coded only with codes Eligo does not know may be this one: UNKNOWN at most, like a suspected one
    String unidentified = concept("condition_concepts", "f", Unidentified.CONCEPTS);
    return "COALESCE((SELECT MAX(CASE WHEN f.confirmed AND NOT " + unidentified + " THEN " + each + " ELSE LEAST("
        + each + ", 1) END) FROM conditions f WHERE f.patient_id = p.patient_id AND "
        + concept("condition_concepts", "f", withUnidentified(r.concepts())) + except + "), "
        + noneRecorded("conditions") + ")";
  }

  private String medication(MedicationRule r) {
    if (!expressible(r)) return "1";
    // as MedicationEvaluator: each date is its first and its last possible day (a year or month), both clipped
    String end = effectiveEnd("s.end_day");
    String endLast = effectiveEnd("s.end_latest");
    String startLast = last("s.start_latest");
    String each = switch (r.timing()) {
      case MedicationTiming.Ever e -> "2";
      case MedicationTiming.Current c -> "CASE WHEN " + end + " IS NULL THEN 1 WHEN " + end + " >= " + today
          + " THEN 2 WHEN " + endLast + " >= " + today + " THEN 1 ELSE 0 END";
      case MedicationTiming.WithinDays w -> {
        String from = date(asOf.minusDays(w.days()));
        yield "CASE WHEN " + end + " IS NOT NULL THEN (CASE WHEN " + end + " >= " + from + " THEN 2 WHEN " + endLast
            + " >= " + from + " THEN 1 ELSE 0 END) WHEN s.start_day IS NOT NULL AND s.start_day >= " + from
            + " THEN 2 ELSE 1 END";
      }
      case MedicationTiming.AtLeastDaysBefore b -> {
        String anchor = b.fromEnd() ? end : "s.start_day";
        String anchorLast = b.fromEnd() ? endLast : startLast;
        String limit = date(asOf.minusDays(b.days()));
        yield "CASE WHEN " + anchor + " IS NULL THEN 1 WHEN " + anchorLast + " <= " + limit + " THEN 2 WHEN "
            + anchor + " > " + limit + " THEN 0 ELSE 1 END";
      }
      case MedicationTiming.ForAtLeastDays f -> "CASE WHEN s.start_day IS NULL THEN 1 WHEN " + end
          + " IS NULL THEN (CASE WHEN s.start_day <= " + date(asOf.minusDays(f.days())) + " THEN 1 ELSE 0 END) "
          + "WHEN " + end + " >= " + startLast + " + INTERVAL '" + f.days() + " days' THEN 2 WHEN " + endLast
          + " >= s.start_day + INTERVAL '" + f.days() + " days' THEN 1 ELSE 0 END";
      case MedicationTiming.ContinuousFor c -> throw new IllegalStateException("not expressible");
    };
    each = "CASE WHEN " + DOSE + " THEN " + dose(r) + " ELSE " + each + " END";
    String unidentified = concept("medication_concepts", "s", Unidentified.CONCEPTS);
    // a local use (a cream, an inhaler, a line flush) may not be the treatment meant: UNKNOWN at most, as unidentified
    return "COALESCE((SELECT MAX(CASE WHEN s.local_use OR " + unidentified + " THEN LEAST(" + each + ", 1) ELSE " + each
        + " END) FROM medications s WHERE s.patient_id = p.patient_id "
        + "AND s.status <> 'INTENDED' AND NOT (s.start_day IS NOT NULL AND s.start_day > " + today + ") AND "
        + concept("medication_concepts", "s", withUnidentified(r.concepts())) + "), " + noneRecorded("medications")
        + ")";
  }

  /** A row that is one dose given on a day, as MedicationEvaluator reads into courses (DECISIONS 97). */
  private static final String DOSE = "(s.dose AND s.status = 'COMPLETED' AND NOT s.local_use AND s.start_day IS NOT "
      + "NULL AND s.end_day IS NOT NULL AND s.start_latest = s.start_day AND s.end_latest = s.end_day AND s.end_day <= "
      + "s.start_day + INTERVAL '1 days')";

  /**
   * The farthest a course of doses may reach past its last dose in MedicationEvaluator: twice the longest interval
   * read from doses and its dosing window (DECISIONS 97).
   */
  private static final int DOSE_REACH_DAYS = 2 * 190 + 7;

  /**
   * One dose of a course (DECISIONS 97). MedicationEvaluator reads the interval from the median gap between a drug's
   * doses, which SQL does not compute: SQL decides what the doses alone decide (a dose within a window, a first dose
   * long enough ago, no dose since a washout's limit) and is otherwise UNKNOWN where the course may reach, never a
   * verdict the evaluator does not give.
   */
  private String dose(MedicationRule r) {
    String doses = "SELECT 1 FROM medications d WHERE d.patient_id = s.patient_id AND d.dose AND d.status = "
        + "'COMPLETED' AND NOT d.local_use AND d.start_day IS NOT NULL AND d.start_day <= " + today + " AND "
        + concept("medication_concepts", "d", withUnidentified(r.concepts()));
    return switch (r.timing()) {
      case MedicationTiming.Ever e -> "2";
      case MedicationTiming.Current c -> "CASE WHEN s.end_day >= " + today + " THEN 2 WHEN s.end_day >= "
          + date(asOf.minusDays(DOSE_REACH_DAYS)) + " THEN 1 ELSE 0 END";
      case MedicationTiming.WithinDays w -> "CASE WHEN s.end_day >= " + date(asOf.minusDays(w.days()))
          + " THEN 2 ELSE 0 END";
      case MedicationTiming.AtLeastDaysBefore b when !b.fromEnd() -> "CASE WHEN s.start_day <= "
          + date(asOf.minusDays(b.days())) + " THEN 2 ELSE 0 END";
      case MedicationTiming.AtLeastDaysBefore b -> {
        String limit = date(asOf.minusDays(b.days()));
        // a washout counts from the drug's last dose: a later dose of it (or of another drug asked about) leaves it open
        yield "CASE WHEN s.end_day > " + limit + " THEN 0 WHEN EXISTS (" + doses + " AND d.end_day > " + limit
            + ") THEN 1 ELSE 2 END";
      }
      case MedicationTiming.ForAtLeastDays f -> "CASE WHEN EXISTS (" + doses + " AND d.start_day >= s.start_day AND "
          + "LEAST(d.start_day + INTERVAL '" + DOSE_REACH_DAYS + " days', " + today + ") >= s.start_day + INTERVAL '"
          + f.days() + " days') THEN 1 ELSE 0 END";
      case MedicationTiming.ContinuousFor c -> throw new IllegalStateException("not expressible");
    };
  }

  /** A medication's end column ({@code end_day} or {@code end_latest}) clipped to the as-of date, as Eligo does. */
  private String effectiveEnd(String column) {
    return "(CASE WHEN s.status = 'ACTIVE' THEN (CASE WHEN " + column + " IS NULL OR " + column + " > " + today
        + " THEN " + today + " ELSE " + column + " END) WHEN " + column + " IS NULL THEN NULL WHEN " + column + " > "
        + today + " THEN " + today + " ELSE " + column + " END)";
  }

  /**
   * The last possible day of a date column ({@code onset_latest} ...) of an event whose first day is not after the
   * as-of date: not after the as-of date either (Days.last in the evaluator).
   */
  private String last(String column) {
    return "LEAST(" + column + ", " + today + ")";
  }

  /** {@code concepts} and the unidentified one ({@link Unidentified}): an unidentified entry may be any of them. */
  private static Set<String> withUnidentified(Set<String> concepts) {
    Set<String> all = new java.util.HashSet<>(concepts);
    all.add(Unidentified.CONCEPT);
    return all;
  }

  /**
   * As HistoryEvaluator: a blood product whose kind Eligo cannot tell ({@link Unidentified#BLOOD_PRODUCT}), as a
   * procedure, an administration or a diagnosis dated by its onset ("Platelet transfusion refractoriness", §87
   * amendment), leaves a transfusion rule open (DECISIONS 87); "" for other procedures.
   */
  private String bloodProduct(ProcedureRule r) {
    if (!Unidentified.aboutTransfusion(r.concepts())) return "";
    return "LEAST(" + dated("procedures", "procedure_concepts", Unidentified.BLOOD_PRODUCTS, r.window()) + ", 1), LEAST("
        + administered(Unidentified.BLOOD_PRODUCTS, r.window()) + ", 1), LEAST("
        + statusCondition(Unidentified.BLOOD_PRODUCTS, r.window()) + ", 1), ";
  }

  /** The truth when nothing in {@code table} matches: NOT_MET if the patient has any row there, else UNKNOWN. */
  private static String noneRecorded(String table) {
    return "(CASE WHEN EXISTS (SELECT 1 FROM " + table + " n WHERE n.patient_id = p.patient_id) THEN 0 ELSE 1 END)";
  }

  /**
   * As HistoryEvaluator: a blood product given as a medication administration is the transfusion it names (DECISIONS
   * 83), dated by its end, else its start; a planned one does not count, one of unknown status is at most UNKNOWN.
   */
  private String administered(Set<String> ids, TimeWindow window) {
    return administered(ids, Set.of(), window);
  }

  private String administered(Set<String> ids, Set<String> except, TimeWindow window) {
    String day = "COALESCE(x.end_day, x.start_day)";
    String latest = "(CASE WHEN x.end_day IS NOT NULL THEN COALESCE(x.end_latest, x.end_day) ELSE COALESCE("
        + "x.start_latest, x.start_day) END)";
    String when = switch (window) {
      case TimeWindow.Ever e -> "2";
      case TimeWindow.Present p -> "2";
      case TimeWindow.Active a -> within(day, latest, today);
      case TimeWindow.WithinDays w -> within(day, latest, date(asOf.minusDays(w.days())));
    };
    return "COALESCE((SELECT MAX(CASE WHEN " + day + " IS NOT NULL AND " + day + " > " + today + " THEN 0 WHEN "
        + "x.status = 'UNKNOWN' THEN LEAST(" + when + ", 1) ELSE " + when + " END) FROM medications x WHERE "
        + "x.patient_id = p.patient_id AND x.status <> 'INTENDED' AND " + concept("medication_concepts", "x", ids, except)
        + "), 0)";
  }

  private String dated(String table, String concepts, Set<String> ids, TimeWindow window) {
    return dated(table, concepts, ids, Set.of(), window);
  }

  private String dated(String table, String concepts, Set<String> ids, Set<String> except, TimeWindow window) {
    String when = switch (window) {
      case TimeWindow.Ever e -> "2";
      case TimeWindow.Present p -> "2";
      case TimeWindow.Active a -> within("x.day", "x.day_latest", today);
      case TimeWindow.WithinDays w -> within("x.day", "x.day_latest", date(asOf.minusDays(w.days())));
    };
    return "COALESCE((SELECT MAX(CASE WHEN x.day IS NOT NULL AND x.day > " + today + " THEN 0 ELSE " + when
        + " END) FROM " + table + " x WHERE x.patient_id = p.patient_id AND " + concept(concepts, "x", ids, except)
        + "), 0)";
  }

  /**
   * As HistoryEvaluator: an event on or after {@code start} (a date literal): UNKNOWN without a date, or when
   * {@code start} falls within the year or month it is given as ({@code first} to {@code latest}).
   */
  private String within(String first, String latest, String start) {
    return "CASE WHEN " + first + " IS NULL THEN 1 WHEN " + first + " >= " + start + " THEN 2 WHEN " + last(latest)
        + " >= " + start + " THEN 1 ELSE 0 END";
  }

  /** As HistoryEvaluator: an entry of the table Eligo could not read leaves the criterion open (1), else 0. */
  private static String unread(String table, String concepts) {
    return "(CASE WHEN EXISTS (SELECT 1 FROM " + table + " x WHERE x.patient_id = p.patient_id AND "
        + concept(concepts, "x", Unidentified.CONCEPTS) + ") THEN 1 ELSE 0 END)";
  }

  /**
   * As HistoryEvaluator: a diagnosis carrying the procedure's concept (ICD-10-CM Z94.84, stem cell transplant status)
   * records that it happened, dated by its onset; one only suspected is UNKNOWN at most.
   */
  /**
   * As HistoryEvaluator's Tally (DECISIONS 92): the entries of a counted procedure rule (procedures P, confirmed or
   * provisional status diagnoses C, blood products given M) with their truth for the window and their size; MET when
   * the entries in the window for sure prove the count (by day the largest entry; counting entries, days; in a run of
   * consecutive days the larger of the sums over its odd and its even days), UNKNOWN when
   * the units of all of them, with those that may fall in the window, may reach it or one gives none, else NOT_MET.
   */
  private String counted(ProcedureRule r) {
    TimeWindow window = r.window();
    String from = switch (window) {
      case TimeWindow.WithinDays w -> date(asOf.minusDays(w.days()));
      default -> today;
    };
    boolean ever = window instanceof TimeWindow.Ever || window instanceof TimeWindow.Present;
    String pWhen = ever ? "2" : within("x.day", "x.day_latest", from);
    String cWhen = ever ? "2" : within("f.onset", "f.onset_latest", from);
    String mDay = "COALESCE(x.end_day, x.start_day)";
    String mLatest = "(CASE WHEN x.end_day IS NOT NULL THEN COALESCE(x.end_latest, x.end_day) ELSE COALESCE("
        + "x.start_latest, x.start_day) END)";
    String mWhen = ever ? "2" : within(mDay, mLatest, from);
    String size = "x.units";
    String entries = "SELECT 'P' AS k, x.day AS d, " + size + " AS u, CASE WHEN x.day IS NOT NULL AND x.day > " + today
        + " THEN 0 ELSE " + pWhen + " END AS t FROM procedures x WHERE x.patient_id = p.patient_id AND "
        + concept("procedure_concepts", "x", r.concepts(), r.except())
        + " UNION ALL SELECT 'C', f.onset, CAST(NULL AS INTEGER), CASE WHEN f.onset IS "
        + "NOT NULL AND f.onset > " + today + " THEN 0 WHEN f.confirmed THEN " + cWhen + " ELSE LEAST(" + cWhen
        + ", 1) END FROM conditions f WHERE f.patient_id = p.patient_id AND "
        + concept("condition_concepts", "f", r.concepts(), r.except())
        + " UNION ALL SELECT 'M', " + mDay + ", " + size + ", CASE WHEN " + mDay + " IS NOT NULL AND " + mDay + " > "
        + today + " THEN 0 WHEN x.status = 'UNKNOWN' THEN LEAST(" + mWhen + ", 1) ELSE " + mWhen + " END FROM "
        + "medications x WHERE x.patient_id = p.patient_id AND x.status <> 'INTENDED' AND "
        + concept("medication_concepts", "x", r.concepts(), r.except());
    String day = "COALESCE(e.d, DATE '0001-01-01')";
    // by day the largest entry of any kind; in each run of consecutive days (one transfusion may be written on two
    // days a day apart) the larger of the sums over its odd and even days, as HistoryEvaluator's Tally (§92 review)
    String largest = r.units() ? "MAX(COALESCE(e.u, 1))" : "1";
    String byDay = "SELECT " + day + " AS d, " + largest + " AS m FROM (" + entries + ") e WHERE e.t = 2 GROUP BY "
        + day;
    String runs = "SELECT a.d, a.m, a.d - CAST(ROW_NUMBER() OVER (ORDER BY a.d) AS INTEGER) AS run FROM (" + byDay
        + ") a";
    String placed = "SELECT b.m, b.run, ROW_NUMBER() OVER (PARTITION BY b.run ORDER BY b.d) % 2 AS odd FROM (" + runs
        + ") b";
    String proven = "(SELECT COALESCE(SUM(g.n), 0) FROM (SELECT GREATEST(SUM(CASE WHEN c.odd = 1 THEN c.m ELSE 0 END), "
        + "SUM(CASE WHEN c.odd = 0 THEN c.m ELSE 0 END)) AS n FROM (" + placed + ") c GROUP BY c.run) g)";
    String possible = "(SELECT CASE WHEN COUNT(*) > COUNT(e.u) THEN "
        + Integer.MAX_VALUE + " ELSE COALESCE(SUM(COALESCE(e.u, 1)), 0) END FROM (" + entries + ") e WHERE e.t >= 1)";
    return "(CASE WHEN " + proven + " >= " + r.atLeast() + " THEN 2 WHEN " + possible + " >= " + r.atLeast()
        + " THEN 1 ELSE 0 END)";
  }

  private String statusCondition(ProcedureRule r) {
    return statusCondition(r.concepts(), r.except(), r.window());
  }

  private String statusCondition(Set<String> ids, TimeWindow window) {
    return statusCondition(ids, Set.of(), window);
  }

  private String statusCondition(Set<String> ids, Set<String> except, TimeWindow window) {
    String when = switch (window) {
      case TimeWindow.Ever e -> "2";
      case TimeWindow.Present p -> "2";
      case TimeWindow.Active a -> within("f.onset", "f.onset_latest", today);
      case TimeWindow.WithinDays w -> within("f.onset", "f.onset_latest", date(asOf.minusDays(w.days())));
    };
    String each = "CASE WHEN f.onset IS NOT NULL AND f.onset > " + today + " THEN 0 ELSE " + when + " END";
    return "COALESCE((SELECT MAX(CASE WHEN f.confirmed THEN " + each + " ELSE LEAST(" + each + ", 1) END) FROM "
        + "conditions f WHERE f.patient_id = p.patient_id AND " + concept("condition_concepts", "f", ids, except)
        + "), 0)";
  }

  private String pregnancy(PregnancyRule r) {
    boolean pregnant = r.state() == PregnancyRule.State.PREGNANT;
    String condition = pregnant ? "pregnancy" : "lactation";
    String measure = pregnant ? "pregnancy-status" : "lactation-status";
    String word = pregnant ? "pregnant" : "lactating";
    // an active, confirmed entry not ended: MET when the day it was there by (its onset, else the day it was
    // recorded) is recent enough; one with neither date is asked, whatever the age (as PregnancyEvaluator)
    String entries = "FROM conditions f WHERE f.patient_id = p.patient_id AND f.confirmed AND "
        + concept("condition_concepts", "f", Set.of(condition)) + " AND NOT (f.abatement IS NOT NULL AND f.abatement"
        + " <= " + today + ") AND f.status IN " + ACTIVE;
    String by = "COALESCE(f.onset, f.recorded)";
    String undated = "CASE WHEN EXISTS (SELECT 1 " + entries + " AND " + by + " IS NULL) THEN 1 ELSE ("
        + outsideChildbearingAge() + ") END";
    // as PregnancyEvaluator: a girl under ten is not breastfeeding, whatever her record says (her own feeding)
    String child = pregnant ? "" : "WHEN p.birth_date IS NOT NULL AND p.birth_date <= " + today + " AND p.birth_date > "
        + date(asOf.minusYears(PregnancyRule.YOUNGEST_ASKED)) + " THEN 0 ";
    return "(CASE WHEN p.sex = 'MALE' THEN 0 " + child + "WHEN EXISTS (SELECT 1 " + entries + " AND " + by + " <= " + today
        + " AND " + by + " >= " + date(asOf.minusDays(pregnant ? 301 : PregnancyRule.LONGEST_LACTATION_DAYS))
        + ") THEN 2 ELSE " + status(measure, word, r.recencyDays(), pregnant, undated) + " END)";
  }

  /**
   * As PregnancyEvaluator: the newest status saying yes or no (the latest day, then the lowest {@code ord}), and any
   * dated by a year or month that may be newer than it, each read as its value when from the recency window, as the
   * age would answer (without status) when older, and as both when its year or month starts before the window (the
   * same, or UNKNOWN); they decide when they agree, else UNKNOWN. Without any such status, the age answers.
   */
  private String status(String measure, String word, int recencyDays, boolean pregnant, String outside) {
    String window = date(asOf.minusDays(recencyDays));
    // a positive test on or before the end the record gives a pregnancy is of that pregnancy: read as an old one
    String ended = pregnant ? "WHEN s.says = 2 AND EXISTS (SELECT 1 FROM conditions f WHERE f.patient_id = "
        + "p.patient_id AND " + concept("condition_concepts", "f", Set.of("pregnancy")) + " AND f.abatement <= "
        + today + " AND f.abatement >= " + last("s.day_latest") + ") THEN (" + outside + ") " : "";
    // a status on or after the newest's day that says neither yes nor no (exported with the concept "unread"): a yes is
    // then asked
    String unread = "CASE WHEN EXISTS (SELECT 1 FROM coded_observations u WHERE u.patient_id = p.patient_id AND "
        + "u.measure = " + string(measure) + " AND u.day <= " + today + " AND " + last("u.day_latest")
        + " >= n.nday GROUP BY u.ord HAVING MAX(CASE WHEN u.concept IN (" + string(word) + ", "
        + string("not-" + word) + ") THEN 1 ELSE 0 END) = 0) THEN 1 ELSE 0 END";
    String statuses = "(SELECT o.ord, o.day, o.day_latest, MAX(CASE WHEN o.concept = " + string(word)
        + " THEN 2 ELSE 0 END) AS says FROM coded_observations o WHERE o.patient_id = p.patient_id AND o.measure = "
        + string(measure) + " AND o.day <= " + today + " AND o.concept IN (" + string(word) + ", "
        + string("not-" + word) + ") GROUP BY o.ord, o.day, o.day_latest)";
    String each = "CASE " + ended + "WHEN s.day >= " + window + " THEN s.says WHEN " + last("s.day_latest") + " < " + window
        + " THEN (" + outside + ") WHEN s.says = (" + outside + ") THEN s.says ELSE 1 END";
    return "COALESCE((SELECT CASE WHEN MIN(x.v) = 2 AND MAX(x.v) = 2 AND MAX(x.unread) = 1 THEN 1 WHEN MIN(x.v) = "
        + "MAX(x.v) THEN MIN(x.v) WHEN MIN(x.v) IS NOT NULL THEN 1 END FROM "
        + "(SELECT " + each + " AS v, " + unread + " AS unread FROM " + statuses + " s, (SELECT n.ord AS nord, n.day AS nday, n.day_latest AS "
        + "nlatest FROM " + statuses + " n ORDER BY n.day DESC, n.ord LIMIT 1) n WHERE s.ord = n.nord OR ((s.day_latest"
        + " > s.day OR n.nlatest > n.nday) AND " + last("s.day_latest") + " >= n.nday)) x), " + outside + ")";
  }

  /**
   * Nothing recorded: 0 for a girl surely under 10 or a woman surely 60 or over on the as-of date, else 1 (as
   * PregnancyEvaluator, with the same date comparisons).
   */
  private String outsideChildbearingAge() {
    return "CASE WHEN p.birth_date IS NULL OR p.birth_date > " + today + " THEN 1 WHEN p.birth_date > "
        + date(asOf.minusYears(PregnancyRule.YOUNGEST_ASKED)) + " OR p.birth_date_latest <= "
        + date(asOf.minusYears(PregnancyRule.OLDEST_ASKED)) + " THEN 0 ELSE 1 END";
  }

  /** The fact {@code alias} carries one of the concept ids. */
  /** As {@link #concept(String, String, Set)}, leaving out entries with a concept of {@code except}. */
  private static String concept(String table, String alias, Set<String> ids, Set<String> except) {
    return except.isEmpty() ? concept(table, alias, ids) : concept(table, alias, ids) + " AND NOT "
        + concept(table, alias, except);
  }

  private static String concept(String table, String alias, Set<String> ids) {
    return "EXISTS (SELECT 1 FROM " + table + " k WHERE k.patient_id = " + alias + ".patient_id AND k.fact = " + alias
        + ".fact AND k.concept IN (" + ids.stream().sorted().map(SqlRuleCompiler::string)
        .collect(Collectors.joining(", ")) + "))";
  }

  static String date(LocalDate d) {
    return "DATE '" + d + "'";
  }

  static String string(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

}
