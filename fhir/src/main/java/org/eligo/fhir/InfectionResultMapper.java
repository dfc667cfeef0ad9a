package org.eligo.fhir;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.InfectionResult.Finding;
import org.eligo.core.patient.PatientFactsCollector;
import org.eligo.core.patient.ValueBound;
import org.eligo.core.patient.ViralLoad;
import org.eligo.fhir.FhirTerminology.InfectionTest;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * An Observation of a test for an infection (HBsAg, HCV RNA, HIV antigen/antibody ...) becomes an
 * {@link InfectionResult}: what its positive or negative result shows about the infection, shown as "HBsAg: Positive".
 *
 * <p>The result is read from the value — a coded answer by its codes, else by its text and displays
 * ({@code valueCodeableConcept}); the same words as {@code valueString} ("Reactive", "Not detected"); for a viral
 * load, a quantity in IU/mL or copies/mL (above zero is detected, zero is not) — and, where the value says nothing
 * Eligo can read, from {@code interpretation} (POS, NEG, DET, ND). Left out with a diagnostic: no date; no readable
 * result (equivocal, indeterminate, free text); a value and an interpretation that disagree; a viral load in log units
 * or an unknown unit; and a negative result of a test whose negative shows nothing (anti-HBc).
 *
 * <p>A viral load (HBV DNA, HCV RNA, HIV-1 RNA) also keeps what it says of the virus ({@link ViralLoad}), for criteria
 * on the load itself: "Not detected" (or zero) is kept though it shows nothing of the infection (treated infections
 * are undetectable); an amount written as a bound is kept as that bound — below one ("&lt;20 IU/mL") the virus may be
 * a trace under the limit of quantification or absent, so it settles neither detection nor the infection, unless
 * the interpretation says which; above one ("&gt;1.7E8") it is detected. No diagnostic quotes the record's words.
 */
final class InfectionResultMapper {
  /** Units of a count of virus per volume, written without brackets, braces or spaces and in lower case. */
  private static final Set<String> IU_UNITS = Set.of("iu/ml");
  private static final Set<String> COPIES_UNITS = Set.of("copies/ml", "/ml", "cp/ml", "1/ml"); // UCUM 1/mL: per mL

  private InfectionResultMapper() {}

  /**
   * What the value or the interpretation says: positive, negative or, for a load below a bound, neither (null); how
   * to show it; and, for a viral load, the amount (null for other tests).
   */
  private record Result(Boolean positive, String shown, ViralLoad load) {}

  static void map(Observation obs, InfectionTest test, ResourceScope scope, PatientFactsCollector facts) {
    FhirDates.Day date = ObservationMapper.days(obs, scope);
    if (date == null) {
      scope.error("effective", "has no usable effective date or issued time; the " + test.label()
          + " result is not used");
      // a viral load of any day up to the as-of date: it may be the latest, so an older load does not decide in its
      // place, as for an undated result of a lab measure (DECISIONS 90)
      unread(obs, test, new FhirDates.Day(java.time.LocalDate.of(1, 1, 1), true, scope.record().asOf()), scope,
          facts);
      return;
    }
    if (obs.hasDataAbsentReason() && (obs.hasValue() || obs.hasInterpretation())) {
      // a result beside a reason it is absent ("Positive" with "error"): FHIR forbids a value with one (obs-6), and
      // which is true the record does not say; never read, as for a lab measure (DECISIONS 93 review)
      scope.error("value", "is given together with a data-absent reason, which says there is no result; the "
          + test.label() + " result is not used");
      unread(obs, test, date, scope, facts);
      return;
    }
    Optional<Result> value = value(obs, test, scope);
    Optional<Result> interpretation = interpretation(obs, scope);
    if (value.isPresent() && value.get().positive() != null && interpretation.isPresent()
        && !value.get().positive().equals(interpretation.get().positive())) {
      scope.warn("interpretation", "disagrees with the value; the " + test.label() + " result is not used");
      unread(obs, test, date, scope, facts);
      return;
    }
    Optional<Result> result = value.isPresent() ? value : interpretation;
    if (value.isPresent() && value.get().positive() == null && interpretation.isPresent()) {
      // "<20 IU/mL" with "Detected": the interpretation settles what the bound leaves open
      result = Optional.of(new Result(interpretation.get().positive(), value.get().shown(), null));
    }
    if (result.isEmpty()) {
      scope.warn("value", "is no " + test.label() + " result Eligo can read as positive or negative; it settles "
          + "nothing");
      unread(obs, test, date, scope, facts);
      return;
    }
    Boolean positive = result.get().positive();
    ViralLoad load = test.viralLoad() ? load(result.get(), value) : presence(test, positive);
    Finding finding = positive == null ? null : positive ? test.positive() : test.negative().orElse(null);
    if (finding == null && load == null) {
      scope.info("value", "a negative " + test.label() + " does not rule the infection out; the result is not used");
      return;
    }
    facts.infectionResults.add(new InfectionResult(test.infection(), test.concepts(), finding,
        test.label() + ": " + result.get().shown(), date.day(), scope.source(), date.last(),
        test.positive() == Finding.EXPOSED, // an antibody test: its positive is exposure, not the infection
        test.key(), load));
  }

  /**
   * A viral load with a value Eligo cannot read ("TND", "Indeterminate", log units, a value its interpretation
   * contradicts) is still the latest load of its test: kept as one that settles nothing, so an older load never
   * decides a criterion on the latest result in its place (a viraemia since cleared had excluded under "Detectable HCV
   * RNA"). It shows nothing of the infection. An Observation with no value at all is left out as before.
   */
  private static void unread(Observation obs, InfectionTest test, FhirDates.Day date, ResourceScope scope,
                             PatientFactsCollector facts) {
    if (!test.viralLoad() || !obs.hasValue()) return;
    facts.infectionResults.add(new InfectionResult(test.infection(), test.concepts(), null,
        test.label() + ": result not read", date.day(), scope.source(), date.last(), false, test.key(),
        ViralLoad.of(ViralLoad.Virus.UNSETTLED)));
  }

  /**
   * An amount of virus written as text, as laboratories send it in valueString: "&lt;15 IU/mL", "1,250,000 IU/mL",
   * "&gt;100000000 copies/mL". Read as the same quantity would be; a number without a unit, or in log units, only
   * as a bound below (which settles nothing) — never as a detection, since its unit may be log10.
   */
  private static final java.util.regex.Pattern LOAD_TEXT = java.util.regex.Pattern.compile(
      "(?i)^\\s*(?<cmp><=|>=|<|>|\u2264|\u2265)?\\s*(?<num>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*"
      + "(?<unit>(?:\\[?iu\\]?|\\{?copies\\}?|cp)\\s*/\\s*ml)?\\s*$");

  private static Optional<Result> loadText(String text, ResourceScope scope) {
    java.util.regex.Matcher m = LOAD_TEXT.matcher(text);
    if (!m.matches()) return Optional.empty();
    String cmp = m.group("cmp") == null ? null : m.group("cmp").replace("\u2264", "<=").replace("\u2265", ">=");
    if (m.group("unit") == null) {
      // "<15": below a bound settles nothing whatever the unit; a bare number is not read (log10 or not)
      return cmp != null && cmp.startsWith("<") ? Optional.of(new Result(null, text.strip(),
          ViralLoad.of(ViralLoad.Virus.UNSETTLED))) : Optional.empty();
    }
    Quantity q = new Quantity().setValue(new java.math.BigDecimal(m.group("num").replace(",", "")))
        .setUnit(m.group("unit").replaceAll("\\s", ""));
    if (cmp != null) q.setComparator(Quantity.QuantityComparator.fromCode(cmp));
    return viralLoad(q, scope);
  }

  /**
   * Tests that criteria name for their own result ("Positive anti-HBc"), though it shows neither a current infection
   * nor none: the result is kept as found or not found, positive or negative, for a rule on the test's latest result.
   */
  private static final Set<String> RESULT_OF_ITS_OWN = Set.of("hbv-core-antibody");

  private static ViralLoad presence(InfectionTest test, Boolean positive) {
    if (positive == null || !RESULT_OF_ITS_OWN.contains(test.key())) return null;
    return ViralLoad.of(positive ? ViralLoad.Virus.DETECTED : ViralLoad.Virus.NOT_DETECTED);
  }

  /** The load a viral-load result gives: its amount when the value has one, and whether the virus was found. */
  private static ViralLoad load(Result result, Optional<Result> value) {
    ViralLoad amount = value.map(Result::load).orElse(null);
    ViralLoad.Virus virus = result.positive() == null ? ViralLoad.Virus.UNSETTLED
        : result.positive() ? ViralLoad.Virus.DETECTED : ViralLoad.Virus.NOT_DETECTED;
    if (amount == null || !amount.hasAmount()) return ViralLoad.of(virus);
    return new ViralLoad(virus, amount.amount(), amount.bound(), amount.unit());
  }

  private static Optional<Result> value(Observation obs, InfectionTest test, ResourceScope scope) {
    FhirTerminology terminology = scope.terminology();
    if (obs.hasValueCodeableConcept()) {
      CodeableConcept value = obs.getValueCodeableConcept();
      Set<Boolean> read = new HashSet<>();
      for (Coding c : value.getCoding()) {
        if (c.hasSystem() && c.hasCode()) terminology.positiveForCode(c.getSystem(), c.getCode()).ifPresent(read::add);
      }
      if (read.isEmpty()) {
        if (value.hasText()) terminology.positiveForText(value.getText()).ifPresent(read::add);
        for (Coding c : value.getCoding()) {
          if (c.hasDisplay()) terminology.positiveForText(c.getDisplay()).ifPresent(read::add);
        }
      }
      return read.size() == 1
          ? Optional.of(new Result(read.iterator().next(), shown(value, read.iterator().next()), null))
          : Optional.empty();
    }
    if (obs.hasValueStringType() && obs.getValueStringType().getValue() != null) {
      String text = obs.getValueStringType().getValue().strip();
      if (test.viralLoad()) {
        Optional<Result> amount = loadText(text, scope);
        if (amount.isPresent()) return amount;
      }
      return terminology.positiveForText(text).map(positive -> new Result(positive, text, null));
    }
    if (obs.hasValueQuantity() && test.viralLoad()) return viralLoad(obs.getValueQuantity(), scope);
    return Optional.empty();
  }

  /**
   * A quantity of virus: above zero is detected, zero is not (kept without an amount: a lab writing 0 means none
   * found, not a count of zero); below a bound ("&lt;20") settles neither, above one is detected. Log units and
   * other units are not read.
   */
  private static Optional<Result> viralLoad(Quantity q, ResourceScope scope) {
    if (!q.hasValue()) return Optional.empty();
    ObservationMapper.UnitField unit = ObservationMapper.unitOf(q, "valueQuantity");
    String plain = unit.unit().replaceAll("[\\[\\]{}\\s]", "").toLowerCase(Locale.ROOT);
    String ucum = IU_UNITS.contains(plain) ? ViralLoad.IU_PER_ML
        : COPIES_UNITS.contains(plain) ? ViralLoad.COPIES_PER_ML : null;
    if (ucum == null) {
      scope.info(unit.path(), "a viral load is read in IU/mL or copies/mL only (not in log units); it is not read");
      return Optional.empty();
    }
    double v = q.getValue().doubleValue();
    if (v < 0) {
      scope.error("valueQuantity.value", "a viral load cannot be negative; it is not read");
      return Optional.empty();
    }
    if (q.hasComparator() && (q.getComparator() == null || ValueBound.ofCode(q.getComparator().toCode()) == null)) {
      // a comparator R4 does not define ("ad"): not a value, nor a bound Eligo reads
      scope.error("valueQuantity.comparator", "is not a comparator Eligo reads (<, <=, >=, >); the result is not used");
      return Optional.empty();
    }
    ValueBound bound = q.hasComparator() ? ValueBound.ofCode(q.getComparator().toCode()) : null;
    String shown = (bound == null ? "" : bound.code()) + ObservationMapper.number(v) + " "
        + (q.hasUnit() ? q.getUnit().strip() : unit.unit());
    if (bound != null && (bound.upper() || v == 0 && bound.inclusive())) {
      return Optional.of(new Result(null, shown, new ViralLoad(ViralLoad.Virus.UNSETTLED, v, bound, ucum)));
    }
    if (bound != null) {
      // above a bound: more than it, so found (a bound of zero, ">0", is still more than none)
      return Optional.of(new Result(true, shown, new ViralLoad(ViralLoad.Virus.DETECTED, v, bound, ucum)));
    }
    if (v == 0) {
      return Optional.of(new Result(false, "not detected (" + shown + ")", ViralLoad.of(ViralLoad.Virus.NOT_DETECTED)));
    }
    return Optional.of(new Result(true, shown, new ViralLoad(ViralLoad.Virus.DETECTED, v, null, ucum)));
  }

  private static Optional<Result> interpretation(Observation obs, ResourceScope scope) {
    Set<Boolean> read = new HashSet<>();
    String shown = null;
    for (CodeableConcept concept : obs.getInterpretation()) {
      for (Coding c : concept.getCoding()) {
        if (!c.hasSystem() || !c.hasCode()) continue;
        Optional<Boolean> positive = scope.terminology().positiveForCode(c.getSystem(), c.getCode());
        if (positive.isPresent()) {
          read.add(positive.get());
          if (shown == null) shown = c.hasDisplay() ? c.getDisplay() : word(positive.get());
        }
      }
    }
    return read.size() == 1 ? Optional.of(new Result(read.iterator().next(), shown, null)) : Optional.empty();
  }

  /** The answer as the record names it (its text, else a display), else "Positive" or "Negative". */
  private static String shown(CodeableConcept value, boolean positive) {
    if (value.hasText() && !value.getText().isBlank()) return value.getText().strip();
    for (Coding c : value.getCoding()) if (c.hasDisplay() && !c.getDisplay().isBlank()) return c.getDisplay().strip();
    return word(positive);
  }

  private static String word(boolean positive) {
    return positive ? "Positive" : "Negative";
  }
}
