package org.eligo.fhir;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.InfectionResult.Finding;
import org.eligo.core.patient.PatientFactsCollector;
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
 * result (equivocal, indeterminate, free text); a value and an interpretation that disagree; a bound ("&lt;15 IU/mL",
 * which may be detected below the limit of quantification or not detected); a viral load in log units or an unknown
 * unit; and a negative result that shows nothing (an undetectable viral load, as under treatment). No diagnostic quotes
 * the record's words.
 */
final class InfectionResultMapper {
  /** Units of a count of virus per volume, written without brackets, braces or spaces and in lower case. */
  private static final Set<String> VIRAL_LOAD_UNITS = Set.of("iu/ml", "copies/ml", "/ml", "cp/ml");

  private InfectionResultMapper() {}

  /** What the value or the interpretation says: positive or not, and how to show it. */
  private record Result(boolean positive, String shown) {}

  static void map(Observation obs, InfectionTest test, ResourceScope scope, PatientFactsCollector facts) {
    FhirDates.Day date = ObservationMapper.days(obs, scope);
    if (date == null) {
      scope.error("effective", "has no usable effective date or issued time; the " + test.label()
          + " result is not used");
      return;
    }
    Optional<Result> value = value(obs, test, scope);
    Optional<Result> interpretation = interpretation(obs, scope);
    if (value.isPresent() && interpretation.isPresent() && value.get().positive() != interpretation.get().positive()) {
      scope.warn("interpretation", "disagrees with the value; the " + test.label() + " result is not used");
      return;
    }
    Optional<Result> result = value.isPresent() ? value : interpretation;
    if (result.isEmpty()) {
      scope.warn("value", "is no " + test.label() + " result Eligo can read as positive or negative; it settles "
          + "nothing");
      return;
    }
    Optional<Finding> finding = result.get().positive() ? Optional.of(test.positive()) : test.negative();
    if (finding.isEmpty()) {
      scope.info("value", "a negative " + test.label() + " does not rule the infection out (it is undetectable under "
          + "treatment); the result is not used");
      return;
    }
    facts.infectionResults.add(new InfectionResult(test.infection(), test.concepts(), finding.get(),
        test.label() + ": " + result.get().shown(), date.day(), scope.source(), date.last(),
        test.positive() == Finding.EXPOSED)); // an antibody test: its positive is exposure, not the infection
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
      return read.size() == 1 ? Optional.of(new Result(read.iterator().next(), shown(value, read.iterator().next())))
          : Optional.empty();
    }
    if (obs.hasValueStringType() && obs.getValueStringType().getValue() != null) {
      String text = obs.getValueStringType().getValue().strip();
      return terminology.positiveForText(text).map(positive -> new Result(positive, text));
    }
    if (obs.hasValueQuantity() && test.viralLoad()) return viralLoad(obs.getValueQuantity(), scope);
    return Optional.empty();
  }

  /** A quantity of virus: above zero is detected, zero is not; bounds and other units are not read. */
  private static Optional<Result> viralLoad(Quantity q, ResourceScope scope) {
    if (!q.hasValue()) return Optional.empty();
    if (q.hasComparator()) {
      scope.info("valueQuantity.comparator", "the viral load is a bound, not a result (it may be detected below the "
          + "limit of quantification, or not detected); it is not read");
      return Optional.empty();
    }
    ObservationMapper.UnitField unit = ObservationMapper.unitOf(q, "valueQuantity");
    String plain = unit.unit().replaceAll("[\\[\\]{}\\s]", "").toLowerCase(Locale.ROOT);
    if (!VIRAL_LOAD_UNITS.contains(plain)) {
      scope.info(unit.path(), "a viral load is read in IU/mL or copies/mL only (not in log units); it is not read");
      return Optional.empty();
    }
    double v = q.getValue().doubleValue();
    if (v < 0) {
      scope.error("valueQuantity.value", "a viral load cannot be negative; it is not read");
      return Optional.empty();
    }
    String shown = ObservationMapper.number(v) + " " + (q.hasUnit() ? q.getUnit().strip() : unit.unit());
    return Optional.of(new Result(v > 0, v > 0 ? shown : "not detected (" + shown + ")"));
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
    return read.size() == 1 ? Optional.of(new Result(read.iterator().next(), shown)) : Optional.empty();
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
