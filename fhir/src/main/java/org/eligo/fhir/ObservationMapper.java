package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Optional;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.ValueBound;
import org.eligo.fhir.FhirTerminology.Conversion;
import org.eligo.fhir.FhirTerminology.Measure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Observation: a LOINC-coded result becomes a {@link Measurement} in its measure's canonical unit (reference
 * range converted too), a {@link CodedObservation} for coded measures such as pregnancy status, or, for a test for an
 * infection (HBsAg, HCV RNA ...), what {@link InfectionResultMapper} reads from it.
 *
 * <p>A blood pressure panel ({@link #BLOOD_PRESSURE_PANELS}) holds its readings in components: each component
 * coded with a measure's LOINC code (systolic 8480-6, diastolic 8462-4) becomes a {@link Measurement} with the
 * panel's date and time, as a separate Observation of that code would. So does each component of another Observation
 * without a value of its own (a blood count panel, 58410-2) coded with a laboratory measure's LOINC code.
 *
 * <p>Skipped with a diagnostic: status entered-in-error or cancelled, registered or preliminary (no result yet, or
 * one that may still change), no LOINC code Eligo knows, no date, no value (one whose result exists but is not given
 * as a value, {@link #RESULT_NOT_GIVEN} or an interpretation alone, sets older results of its measure aside; of a
 * coded measure, it is kept as a status without an answer),
 * a unit that is missing or cannot express the measure, a negative count, a value outside the measure's plausible
 * range.
 *
 * <p>A value given as a bound ({@code valueQuantity.comparator}: "&lt;0.5 mg/dL") is kept as a bound, converted to the
 * canonical unit as a value is ({@link Measurement#bound()}), with an informational diagnostic: it decides a criterion
 * only where every result it allows would.
 */
final class ObservationMapper {
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  /** LOINC "ECOG Performance Status score", whose value may be a number or a coded grade. */
  static final String ECOG_LOINC = "89247-1";
  /**
   * LOINC codes of blood pressure panels, whose readings are components: 85354-9 "Blood pressure panel with all
   * children optional" (the code the FHIR R4 Blood Pressure profile fixes, https://hl7.org/fhir/r4/bp.html), 35094-2
   * "Blood pressure panel" and 55417-0 "Short blood pressure panel" (with it, the FHIR vital-signs BP panel value set,
   * https://build.fhir.org/valueset-observation-vitalsign-bppanel.html). Components of other panels are not read: a
   * systolic pressure inside an exercise test or an orthostatic panel is not the patient's blood pressure.
   */
  static final Set<String> BLOOD_PRESSURE_PANELS = Set.of("85354-9", "35094-2", "55417-0");

  private ObservationMapper() {}

  static void map(Observation obs, ResourceScope scope, PatientFactsCollector facts) {
    if (obs.hasStatus()) {
      switch (obs.getStatus()) {
        case ENTEREDINERROR, CANCELLED -> {
          scope.skip("status", "status is " + obs.getStatus().toCode());
          return;
        }
        case REGISTERED, PRELIMINARY -> {
          // registered: no result yet; preliminary: "may be incomplete or unverified" (FHIR R4 observation-status).
          // A value that may still change must not decide a criterion; the final result will.
          scope.skip("status", "status is " + obs.getStatus().toCode() + ": not a final result");
          if (obs.getStatus() == Observation.ObservationStatus.PRELIMINARY) preliminary(obs, scope);
          return;
        }
        default -> { }
      }
    }
    for (org.hl7.fhir.r4.model.Reference focus : obs.getFocus()) {
      // a result about a fetus, a newborn, a donor or a relative, filed in the patient's record, is not the patient's
      String ref = focus.hasReference() ? RecordContext.typeAndId(focus.getReference()) : "";
      boolean person = ref.startsWith("Patient/") || ref.startsWith("RelatedPerson/") || ref.startsWith("Group/");
      if (person && (!ref.startsWith("Patient/") || !scope.record().isRecordPatient(focus))) {
        scope.skip("focus", "the result is about someone other than the patient");
        return;
      }
    }
    if (bloodPressurePanel(obs.getCode())) {
      panel(obs, false, scope, facts);
      return;
    }
    Optional<Measure> found = Optional.empty();
    String loinc = null;
    for (Coding c : obs.getCode().getCoding()) {
      if (LOINC.equals(c.getSystem()) && c.hasCode()) {
        found = scope.terminology().measureForLoinc(c.getCode());
        if (found.isPresent()) {
          loinc = c.getCode();
          break;
        }
      }
    }
    if (found.isEmpty() && !obs.hasValue() && hasLabComponent(obs, scope)) {
      // a lab panel (a blood count, a metabolic panel) that gives its results as components, not as Observations of
      // their own: each is the patient's result of its measure, dated as the panel (DECISIONS 90)
      panel(obs, true, scope, facts);
      return;
    }
    if (found.isEmpty()) {
      for (Coding c : obs.getCode().getCoding()) {
        if (!LOINC.equals(c.getSystem()) || !c.hasCode()) continue;
        Optional<FhirTerminology.InfectionTest> test = scope.terminology().infectionTestForLoinc(c.getCode());
        if (test.isPresent()) {
          InfectionResultMapper.map(obs, test.get(), scope, facts);
          return;
        }
      }
      boolean hasLoinc = obs.getCode().getCoding().stream().anyMatch(c -> LOINC.equals(c.getSystem()));
      scope.skip("code", hasLoinc ? "no measure Eligo uses has this LOINC code" : "has no LOINC coding");
      namedOnly(obs, scope);
      return;
    }
    Measure measure = found.get();
    facts.measuresReported.add(measure.key()); // readable or not, the record reports it
    FhirDates.Day date = days(obs, scope);
    if (date == null) {
      scope.error("effective", "has no usable effective date or issued time; the result is not used");
      // it may be the newest result of its measure: an older one must not decide in its place (DECISIONS 90); one
      // without a result to be had ("not performed", no value at all) leaves older results deciding, as a dated one
      boolean result = obs.hasValue() || resultNotGiven(obs) != null || hasLabComponent(obs, scope);
      if (result && !measure.coded()) {
        undated(measure, scope);
      } else if (result) {
        // a coded result (a pregnancy test) of any day up to the as-of date, its answer not read: an older positive
        // does not decide over what may be its negative, as for a later answer Eligo cannot read (DECISIONS 39)
        facts.codedObservations.add(new CodedObservation(measure.key(), Set.of(), "a result without a date",
            java.time.LocalDate.of(1, 1, 1), scope.source(), scope.record().asOf()));
      }
      return;
    }
    if (!obs.hasValue() && !obs.hasDataAbsentReason() && hasLabComponent(obs, scope)) {
      panel(obs, true, scope, facts); // a result of the measure given in a component, as a panel gives it
      return;
    }
    if (obs.hasValue() && obs.hasDataAbsentReason()) {
      // a value beside a reason it is absent ("0" with "error"): FHIR forbids both (obs-6), and which one is true the
      // record does not say; the value is never read, and older results of the measure must not decide in its place
      scope.error("value", "is given together with a data-absent reason, which says there is no value; the value is "
          + "not used");
      if (!measure.coded()) {
        scope.record().pending(measure.key(), date, "a " + measure.key() + " result of " + text(date)
            + " gives a value and a reason it is absent", ", since a newer one exists", ", since it may be the newest");
      } else {
        facts.codedObservations.add(new CodedObservation(measure.key(), Set.of(), "a value with a data-absent reason",
            date.day(), scope.source(), date.last()));
      }
      return;
    }
    if (!obs.hasValue()) {
      if (obs.hasDataAbsentReason()) scope.skip("dataAbsentReason", "has no value (data absent)");
      else scope.error("value", "is missing; the result is not used");
      String notGiven = resultNotGiven(obs);
      if (notGiven != null && measure.coded()) {
        // a coded result (a pregnancy test) the record does not give: a later status without an answer, as one Eligo
        // cannot read (DECISIONS 39), so an older positive does not decide over what may be its negative
        facts.codedObservations.add(new CodedObservation(measure.key(), Set.of(), "not given as a value ("
            + notGiven + ")", date.day(), scope.source(), date.last()));
      } else if (notGiven != null) {
        // the test was done and has a result the record does not give as a value: an older one must not decide
        scope.record().pending(measure.key(), date, "a " + measure.key() + " result of " + text(date) + " is not"
            + " given as a value (" + notGiven + ")", ", since a newer one exists",
            ", since it may be the newest");
      }
      return;
    }
    if (measure.coded()) {
      coded(obs, measure, date, scope, facts);
    } else {
      int before = facts.measurements.size();
      numeric(obs, measure, ECOG_LOINC.equals(loinc), date, scope, facts);
      if (facts.measurements.size() == before) {
        // a result was reported but cannot be read (an unknown unit, an implausible value): an older one
        // must not decide in its place
        scope.record().pending(measure.key(), date, "a " + measure.key() + " result of " + text(date)
            + " could not be read", ", since a newer one exists", ", since it may be the newest");
      }
    }
  }

  /**
   * Data-absent-reason codes (http://terminology.hl7.org/CodeSystem/data-absent-reason, FHIR R4) that say the test
   * has a result that is not given as a value: withheld ({@code masked}), written in the narrative ({@code as-text}),
   * still to come ({@code temp-unknown}), expected to exist but not known ({@code unknown}, the parent of
   * temp-unknown, as systems that send no finer code write it), or beyond what a number can hold
   * ({@code positive-infinity}, {@code negative-infinity}). The others (not performed, not asked, declined, an error,
   * not applicable) say there is no result.
   */
  static final Set<String> RESULT_NOT_GIVEN = Set.of("masked", "as-text", "temp-unknown", "unknown",
      "positive-infinity", "negative-infinity");

  /**
   * Why a result without a value still has one, in words, or null: a data-absent reason of
   * {@link #RESULT_NOT_GIVEN}, or, without any reason, an interpretation ("H", "Normal") that reads a result.
   */
  private static String resultNotGiven(Observation obs) {
    return resultNotGiven(obs.getDataAbsentReason(), obs.hasInterpretation());
  }

  /** The same for a result or a panel's component: its data-absent reason, and whether it has an interpretation. */
  private static String resultNotGiven(CodeableConcept dataAbsentReason, boolean interpreted) {
    if (dataAbsentReason != null && !dataAbsentReason.isEmpty()) {
      for (Coding c : dataAbsentReason.getCoding()) {
        if (c.hasCode() && RESULT_NOT_GIVEN.contains(c.getCode().strip())) return "data absent: " + c.getCode().strip();
      }
      return null;
    }
    return interpreted ? "only an interpretation" : null;
  }

  /**
   * A result of a measure whose date the record does not give: it may be the newest, so no other result of the
   * measure decides in its place, as for a result dated only by its year that may be the newest
   * ({@link RecordContext#withdrawSuperseded}).
   */
  private static void undated(Measure measure, ResourceScope scope) {
    java.time.LocalDate asOf = scope.record().asOf();
    scope.record().pending(measure.key(), new FhirDates.Day(java.time.LocalDate.of(1, 1, 1), true, asOf),
        "a " + measure.key() + " result without a date", "", "");
  }

  /** A panel's reading of a measure taken but not usable: older readings of the measure must not decide over it. */
  private static void unreadReading(Measure measure, FhirDates.Day date, String why, ResourceScope scope) {
    scope.record().pending(measure.key(), date, "a " + measure.key() + " reading of " + text(date) + " " + why,
        ", since a newer one exists", ", since it may be the newest");
  }

  /**
   * The moment of measurement when the effective date has a time of day (to the minute or finer), from the same
   * element the date comes from; null for a date alone or a date taken from {@code issued}.
   */
  static java.time.Instant time(Observation obs) {
    org.hl7.fhir.r4.model.BaseDateTimeType t = null;
    if (obs.hasEffectiveDateTimeType()) {
      t = obs.getEffectiveDateTimeType();
    } else if (obs.hasEffectivePeriod()) {
      var p = obs.getEffectivePeriod();
      t = p.hasStart() ? p.getStartElement() : p.hasEnd() ? p.getEndElement() : null;
    } else if (obs.hasEffectiveInstantType()) {
      t = obs.getEffectiveInstantType();
    }
    if (t == null || t.getValue() == null || t.getPrecision() == null) return null;
    boolean timed = t.getPrecision().ordinal() >= ca.uhn.fhir.model.api.TemporalPrecisionEnum.MINUTE.ordinal();
    return timed && t.getTimeZone() != null ? t.getValue().toInstant() : null;
  }

  /**
   * A preliminary result of a measure, with its date: it may still change, so it decides nothing, but an older final
   * result must not decide either while a newer one is pending ({@link RecordContext#pending}).
   */
  private static void preliminary(Observation obs, ResourceScope scope) {
    for (Coding c : obs.getCode().getCoding()) {
      if (!LOINC.equals(c.getSystem()) || !c.hasCode()) continue;
      Optional<Measure> measure = scope.terminology().measureForLoinc(c.getCode());
      if (measure.isEmpty()) continue;
      FhirDates.Day date = dateQuietly(obs, scope);
      String key = measure.get().key();
      if (date != null) scope.record().pending(key, date, "a preliminary " + key + " result of " + text(date)
          + " may still change", " until it is final", " until it is final");
      else if (!measure.get().coded()) undated(measure.get(), scope); // it may be the newest (DECISIONS 90)
      return;
    }
    if (obs.hasValue()) return;
    // a preliminary lab panel: each result it gives as a component is a preliminary result of its measure (DECISIONS 90)
    FhirDates.Day date = dateQuietly(obs, scope);
    Set<String> seen = new java.util.HashSet<>();
    for (Observation.ObservationComponentComponent component : obs.getComponent()) {
      Measure measure = labComponentMeasure(component.getCode(), scope);
      if (measure == null || !seen.add(measure.key())) continue;
      if (date == null) {
        undated(measure, scope);
        continue;
      }
      scope.record().pending(measure.key(), date, "a preliminary " + measure.key() + " result of " + text(date)
          + " may still change", " until it is final", " until it is final");
    }
  }

  /**
   * A result of a measure left out because whom it is about is not known: older results of the measure must not
   * decide in its place ({@link RecordContext#pending}), as for a result that cannot be read.
   */
  static void unread(Observation obs, ResourceScope scope) {
    for (Coding c : obs.getCode().getCoding()) {
      if (!LOINC.equals(c.getSystem()) || !c.hasCode()) continue;
      Optional<Measure> measure = scope.terminology().measureForLoinc(c.getCode());
      if (measure.isEmpty()) continue;
      FhirDates.Day date = dateQuietly(obs, scope);
      String key = measure.get().key();
      if (date != null) scope.record().pending(key, date, "a " + key + " result of " + text(date)
          + " is about a patient the record does not hold", ", since a newer one exists", ", since it may be the newest");
      else if (!measure.get().coded()) undated(measure.get(), scope);
      return;
    }
  }

  /**
   * A result without a LOINC code Eligo knows (local codes only, or a LOINC code of another method) whose name is a
   * measure's ("Platelet count") and whose unit can express it: it is very likely a newer result of the measure (a lab
   * that changed its codes), so older results must not decide in its place. Its value is not read: a name is not a
   * LOINC code Eligo knows.
   */
  private static void namedOnly(Observation obs, ResourceScope scope) {
    if (!obs.hasValueQuantity() || !obs.getValueQuantity().hasValue()) return;
    Optional<Measure> named = Optional.empty();
    CodeableConcept code = obs.getCode();
    if (code.hasText()) named = scope.terminology().measureForName(code.getText());
    for (int i = 0; named.isEmpty() && i < code.getCoding().size(); i++) {
      if (code.getCoding().get(i).hasDisplay()) {
        named = scope.terminology().measureForName(code.getCoding().get(i).getDisplay());
      }
    }
    if (named.isEmpty()) return;
    String unit = unitOf(obs.getValueQuantity(), "valueQuantity").unit();
    if (unit.isEmpty() || !(scope.terminology().toCanonical(named.get(), obs.getValueQuantity().getValue()
        .doubleValue(), unit) instanceof Conversion.Converted)) {
      return;
    }
    FhirDates.Day date = dateQuietly(obs, scope);
    String key = named.get().key();
    if (date != null) scope.record().pending(key, date, "a result of " + text(date) + " named as "
        + named.get().withArticle() + " has no LOINC code Eligo knows", ", since it may be a newer one",
        ", since it may be the newest");
    else if (!named.get().coded()) undated(named.get(), scope);
  }

  /**
   * The effective day, else that of the DiagnosticReport or panel listing the result (as {@link #days} reads it), else
   * the issued day, without diagnostics (for a result that is otherwise not read).
   */
  private static FhirDates.Day dateQuietly(Observation obs, ResourceScope scope) {
    org.hl7.fhir.r4.model.BaseDateTimeType t = obs.hasEffectiveDateTimeType() ? obs.getEffectiveDateTimeType()
        : obs.hasEffectivePeriod() && obs.getEffectivePeriod().hasStart() ? obs.getEffectivePeriod().getStartElement()
        : obs.hasEffectiveInstantType() ? obs.getEffectiveInstantType() : null;
    if (t == null || t.getValue() == null) {
      org.hl7.fhir.r4.model.Type listed = scope.record().listedDate(obs);
      t = listedTime(listed);
      if (t != null && t.getValue() != null) {
        FhirDates.Day day = FhirDates.parse(t.getValueAsString());
        return day == null ? null : spanned(day, listed);
      }
      t = obs.hasIssued() ? obs.getIssuedElement() : null;
    }
    if (t == null || t.getValue() == null) return null;
    return FhirDates.parse(t.getValueAsString());
  }

  /**
   * The day a listing report's or panel's effective time gives its results, over the whole of a period it gives (a
   * cumulative report of January to February): a result it lists without a date of its own is of some day of it, so it
   * may be the newest of its measure, and the period's start must not make it older than a result of December.
   */
  private static FhirDates.Day spanned(FhirDates.Day day, org.hl7.fhir.r4.model.Type listed) {
    if (!(listed instanceof org.hl7.fhir.r4.model.Period p) || !p.hasStart() || !p.hasEnd()
        || p.getEndElement().getValue() == null) {
      return day;
    }
    FhirDates.Day end = FhirDates.parse(p.getEndElement().getValueAsString());
    return end == null || !end.last().isAfter(day.last()) ? day : new FhirDates.Day(day.day(), true, end.last());
  }

  /** The time a report's or panel's effective element gives: its dateTime or instant, a period's start, else its end. */
  private static org.hl7.fhir.r4.model.BaseDateTimeType listedTime(org.hl7.fhir.r4.model.Type effective) {
    return switch (effective) {
      case org.hl7.fhir.r4.model.BaseDateTimeType d -> d;
      case org.hl7.fhir.r4.model.Period p when p.hasStart() -> p.getStartElement();
      case org.hl7.fhir.r4.model.Period p when p.hasEnd() -> p.getEndElement();
      case null, default -> null;
    };
  }

  /**
   * The day of the result: effective date, period start or end, instant, else the issued date (reported). A year or
   * month given without the day is kept as its first and last possible day (INFO): which result is the latest, and
   * whether it is recent enough, stay open where the day would decide them.
   */
  static FhirDates.Day days(Observation obs, ResourceScope scope) {
    if (obs.hasEffectiveDateTimeType()) return scope.days("effectiveDateTime", obs.getEffectiveDateTimeType(), true);
    if (obs.hasEffectivePeriod()) {
      var p = obs.getEffectivePeriod();
      if (p.hasStart()) return scope.days("effectivePeriod.start", p.getStartElement(), true);
      if (p.hasEnd()) return scope.days("effectivePeriod.end", p.getEndElement(), true);
    }
    if (obs.hasEffectiveInstantType()) return scope.days("effectiveInstant", obs.getEffectiveInstantType(), true);
    // a lab feed that sends each result as an entry of its own and dates only the report or panel listing it: its
    // effective time is the results' (as for results a report contains, DiagnosticReportMapper)
    org.hl7.fhir.r4.model.Type listed = scope.record().listedDate(obs);
    org.hl7.fhir.r4.model.BaseDateTimeType t = listedTime(listed);
    if (t != null && !t.isEmpty()) {
      FhirDates.Day day = scope.days("effective", t, true);
      if (day != null) {
        scope.info("effective", "is missing; the effective date of the DiagnosticReport or panel that lists the "
            + "result is used");
        return spanned(day, listed);
      }
    }
    if (obs.hasIssued()) {
      FhirDates.Day issued = scope.days("issued", obs.getIssuedElement(), true);
      if (issued != null) scope.info("issued", "no effective date; the issued date is used");
      return issued;
    }
    return null;
  }

  /** A day as the record gives it: {@code 2026-01-10}, {@code 2025-12}, {@code 2025}. */
  static String text(FhirDates.Day day) {
    return org.eligo.core.patient.DayRange.text(day.day(), day.last());
  }

  /** A value that is no code, as written: "2 m[IU]/mL", "true". */
  private static String valueText(Observation obs) {
    if (obs.hasValueQuantity()) {
      Quantity q = obs.getValueQuantity();
      String unit = q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "";
      return (q.hasValue() ? q.getValue().toPlainString() : "?") + (unit.isEmpty() ? "" : " " + unit);
    }
    return obs.getValue().primitiveValue() == null ? obs.getValue().fhirType() : obs.getValue().primitiveValue();
  }

  private static void coded(Observation obs, Measure measure, FhirDates.Day date, ResourceScope scope,
                            PatientFactsCollector facts) {
    if (!obs.hasValueCodeableConcept() && obs.hasValueStringType() && obs.getValueStringType().getValue() != null) {
      // labs send qualitative results as text ("Negative"): read when it is exactly an answer's name
      String text = obs.getValueStringType().getValue().strip();
      Set<String> concepts = new LinkedHashSet<>(scope.terminology().answerConceptsForText(measure.key(), text));
      if (concepts.isEmpty()) concepts.addAll(interpretation(obs, measure, scope));
      if (concepts.isEmpty()) {
        scope.warn("valueString", "is not an answer Eligo knows for " + measure.withArticle() + "; it settles nothing");
      }
      facts.codedObservations.add(new CodedObservation(measure.key(), concepts, text, date.day(), scope.source(),
          date.last()));
      return;
    }
    if (!obs.hasValueCodeableConcept()) {
      scope.error("value", measure.withArticle() + " needs a coded value (valueCodeableConcept) or its name as text "
          + "(valueString); not used");
      // a result of another type ("2 mIU/mL" for a qualitative hCG) still says there was a later test: kept without
      // an answer, so an older positive does not decide over it
      if (obs.hasValue() && !obs.getValue().isEmpty()) {
        facts.codedObservations.add(new CodedObservation(measure.key(), Set.of(), valueText(obs), date.day(),
            scope.source(), date.last()));
      }
      return;
    }
    CodeableConcept value = obs.getValueCodeableConcept();
    Set<String> concepts = new LinkedHashSet<>();
    for (Coding c : value.getCoding()) {
      if (c.hasSystem() && c.hasCode()) {
        concepts.addAll(scope.terminology().answerConceptsForCode(measure.key(), c.getSystem(), c.getCode()));
      }
    }
    if (concepts.isEmpty()) {
      if (value.hasText()) concepts.addAll(scope.terminology().answerConceptsForText(measure.key(), value.getText()));
      for (Coding c : value.getCoding()) {
        if (c.hasDisplay()) concepts.addAll(scope.terminology().answerConceptsForText(measure.key(), c.getDisplay()));
      }
    }
    if (concepts.isEmpty()) concepts.addAll(interpretation(obs, measure, scope));
    if (concepts.isEmpty()) {
      scope.warn("valueCodeableConcept", "is not an answer Eligo knows for " + measure.withArticle()
          + "; it settles nothing");
    }
    facts.codedObservations.add(new CodedObservation(measure.key(), concepts, CodeableConcepts.textOf(value),
        date.day(), scope.source(), date.last()));
  }

  /**
   * The answer a coded result's {@code interpretation} gives ("POS", "NEG" in HL7 v3 ObservationInterpretation), for
   * a value Eligo cannot read ("2+", a local code): only codes listed as answers of the measure, and only when they
   * agree. Pregnancy status lists none, so it is read from its value alone.
   */
  private static Set<String> interpretation(Observation obs, Measure measure, ResourceScope scope) {
    Set<String> read = new LinkedHashSet<>();
    for (CodeableConcept concept : obs.getInterpretation()) {
      for (Coding c : concept.getCoding()) {
        if (c.hasSystem() && c.hasCode()) {
          read.addAll(scope.terminology().answerConceptsForCode(measure.key(), c.getSystem(), c.getCode()));
        }
      }
    }
    if (read.size() > 1) return Set.of(); // interpretations that disagree settle nothing
    if (!read.isEmpty()) scope.info("interpretation", "gives the answer the value does not");
    return read;
  }

  private static void numeric(Observation obs, Measure measure, boolean ecog, FhirDates.Day date, ResourceScope scope,
                              PatientFactsCollector facts) {
    String path;
    double raw;
    String unit;
    ValueBound bound = null;
    if (obs.hasValueQuantity()) {
      Quantity q = obs.getValueQuantity();
      if (!q.hasValue()) {
        scope.error("valueQuantity.value", "is missing; the result is not used");
        return;
      }
      raw = q.getValue().doubleValue();
      UnitField u = unitOf(q, "valueQuantity");
      path = u.path();
      unit = u.unit();
      if (unitsDisagree(q, raw, measure, "valueQuantity", "the result is not used", scope)) return;
      if (q.hasComparator()) {
        bound = bound(q, raw, "valueQuantity.comparator", scope);
        if (bound == null) return;
      }
    } else if (obs.hasValueIntegerType()) {
      raw = obs.getValueIntegerType().getValue();
      path = "valueInteger";
      unit = "";
    } else if (ecog && obs.hasValueCodeableConcept()) {
      Integer grade = EcogGrades.grade(obs.getValueCodeableConcept());
      if (grade == null) {
        scope.error("valueCodeableConcept", "is not a recognised ECOG grade; the result is not used");
        return;
      }
      raw = grade;
      path = "valueCodeableConcept";
      unit = "";
    } else if (ecog && obs.hasValueStringType() && obs.getValueStringType().getValue().strip().matches("[0-5]")) {
      raw = Integer.parseInt(obs.getValueStringType().getValue().strip());
      path = "valueString";
      unit = "";
    } else if (obs.hasValueStringType() && NumberAsText.of(obs.getValueStringType().getValue()).isPresent()) {
      // a lab system that sends results as text: a number with a unit is a quantity, a bare number only for a
      // measure without a unit (canonical() drops one that needs a unit, saying so)
      NumberAsText text = NumberAsText.of(obs.getValueStringType().getValue()).get();
      if (text.ambiguous()) {
        // "150,000", "1,500", "150.000 /µL": a thousands separator in one country, a decimal mark in another, a
        // factor of 1000 apart (DECISIONS 93); "2 109/L": 2 x 10^9/L or 2109 per litre (its review). Not read; older
        // results of the measure are set aside
        scope.error("valueString", measure.withArticle() + " given as text " + text.ambiguity() + "; the record "
            + "does not say which, so the result is not used");
        return;
      }
      raw = text.value();
      unit = text.unit();
      path = "valueString";
      // "<0.2 mg/dL", ">60 mL/min/1.73m2": a bound, as valueQuantity.comparator gives one (DECISIONS 90)
      if (text.comparator() != null) bound = ValueBound.ofCode(text.comparator());
      if (!unit.isEmpty() || measure.unitless()) {
        scope.warn(path, measure.withArticle() + " given as text is read as the " + (bound == null ? "number " : "bound ")
            + (unit.isEmpty() ? "" : "and unit ") + "it writes (" + original(bound, raw, unit) + ")"
            + (bound == null ? "" : ": it decides only the criteria that every result it allows would decide alike"));
      }
    } else if (obs.hasValueRange()) {
      // a result given as a range: one limit is a bound ("≥ 1000"), as a comparator gives one; both limits are an
      // interval, which no single bound holds (DECISIONS 93)
      org.hl7.fhir.r4.model.Range r = obs.getValueRange();
      boolean low = r.hasLow() && r.getLow().hasValue();
      boolean high = r.hasHigh() && r.getHigh().hasValue();
      if (low == high) {
        scope.error("valueRange", low ? measure.withArticle() + " given as a range with both limits says only that "
            + "the result lies between them; Eligo does not read an interval, so the result is not used"
            : "has no limit with a value; the result is not used");
        return;
      }
      Quantity q = low ? r.getLow() : r.getHigh();
      String base = low ? "valueRange.low" : "valueRange.high";
      raw = q.getValue().doubleValue();
      UnitField u = unitOf(q, base);
      path = u.path();
      unit = u.unit();
      if (unitsDisagree(q, raw, measure, base, "the result is not used", scope)) return;
      bound = low ? ValueBound.AT_LEAST : ValueBound.AT_MOST;
      scope.info("valueRange", "the value is a range with only its " + (low ? "lower" : "upper") + " limit ('"
          + bound.code() + number(raw) + "'), a bound, not an exact result: it decides only the criteria that every "
          + "result it allows would decide alike");
    } else if (obs.hasValueRatio()) {
      // a titre (1:64) or a proportion: no concentration, so no limit in the measure's unit is compared with it
      scope.error("valueRatio", measure.withArticle() + " given as a ratio (a titre or a proportion) is not a "
          + "quantity in " + measure.canonicalUnit() + ", so no limit of it can be compared with it; the result is "
          + "not used");
      return;
    } else {
      scope.error("value", measure.withArticle() + " needs a number (valueQuantity, or a number and unit as text); "
          + "this value is not read");
      return;
    }
    Double canonical = canonical(measure, raw, unit, path, scope);
    if (canonical == null) return;
    double value = canonical;
    double[] limits = normalLimits(obs.getReferenceRange(), "referenceRange", unit, measure, scope);
    Double high = limits == null || Double.isNaN(limits[0]) ? null : limits[0];
    Double low = limits == null || Double.isNaN(limits[1]) ? null : limits[1];
    facts.measurements.add(new Measurement(measure.key(), value, measure.canonicalUnit(), date.day(), high, low,
        original(bound, raw, unit), scope.source(), time(obs), date.last(), bound));
  }

  /**
   * The upper and lower limits of normal a result's (or a panel component's) reference ranges give, in the canonical
   * unit ({@code NaN} for a limit not given), or null when they give none that can be used (reported).
   */
  private static double[] normalLimits(java.util.List<ObservationReferenceRangeComponent> ranges, String path,
                                       String unit, Measure measure, ResourceScope scope) {
    if (ranges.isEmpty()) return null;
    ObservationReferenceRangeComponent range = ranges.getFirst();
    if (ranges.size() > 1 || range.hasAppliesTo() || range.hasAge() || !normalRange(range)) {
      // ranges for women and men, for ages, or a therapeutic range: which one is this patient's normal range is not
      // read, and the wrong one would decide "× ULN" criteria
      scope.info(path, "gives several ranges, a range for some patients only or one that is not the "
          + "normal range; the limits are not used, so criteria against the limits of normal stay open");
      return null;
    }
    Double high = limit(range.getHigh(), path + "[0].high", unit, measure, scope);
    Double low = limit(range.getLow(), path + "[0].low", unit, measure, scope);
    if (high != null && (high <= 0 || (low != null && low > high))) {
      // "0-0" written as a placeholder, or the limits swapped: as the upper limit of normal, 0 (or the real lower
      // limit) failed every patient under "≤ 1.5 × ULN" (DECISIONS §63)
      scope.warn(path + "[0]", "is no range of normal values (its upper limit is 0 or below its lower "
          + "limit); the limits are not used, so criteria against the limits of normal stay open");
      return null;
    }
    return new double[] {high == null ? Double.NaN : high, low == null ? Double.NaN : low};
  }

  /**
   * The bound a quantity's comparator writes ("<0.5": the result lies below 0.5), reported as information: it decides
   * only the criteria every result it allows decides alike. Null (reported) for a comparator that is not a bound.
   */
  private static ValueBound bound(Quantity q, double raw, String path, ResourceScope scope) {
    // a code R4 does not define ("ad", R5's "sufficient to achieve", or "=<") is parsed as no comparator at all
    ValueBound bound = q.getComparator() == null || q.getComparator() == Quantity.QuantityComparator.NULL ? null
        : ValueBound.ofCode(q.getComparator().toCode());
    if (bound == null) {
      scope.error(path, "is not a comparator Eligo reads (<, <=, >=, >); the result is not used");
      return null;
    }
    scope.info(path, "the value is a bound ('" + bound.code() + number(raw) + "'), not an exact result: it decides "
        + "only the criteria that every result it allows would decide alike");
    return bound;
  }

  /** The value as the record writes it, with its comparator and unit: {@code <0.5 mg/dL}. */
  private static String original(ValueBound bound, double raw, String unit) {
    String value = (bound == null ? "" : bound.code()) + number(raw);
    return unit.isEmpty() ? value : value + " " + unit;
  }

  /**
   * The value in the measure's canonical unit, or null (reported) when it has no unit where it needs one, is
   * negative, cannot be converted or is implausible.
   */
  private static Double canonical(Measure measure, double raw, String unit, String path, ResourceScope scope) {
    if (unit.isEmpty() && !measure.unitless() && path.equals("valueString")) {
      scope.error(path, measure.withArticle() + " given as text is a number without a unit (" + number(raw) + "); "
          + measure.withArticle() + " needs one (e.g. " + measure.canonicalUnit() + "), so the result is not used");
      return null;
    }
    if (unit.isEmpty() && !measure.unitless()) {
      scope.error(path, "the value has no unit; " + measure.withArticle()
          + " needs one (e.g. " + measure.canonicalUnit() + "); the result is not used");
      return null;
    }
    if (raw < 0 && (measure.plausibleLow() == null || measure.plausibleLow() >= 0)) {
      scope.error(path.replace(".code", ".value").replace(".unit", ".value"), measure.withArticle()
          + " cannot be negative (" + number(raw) + (unit.isEmpty() ? "" : " " + unit) + "); the result is not used");
      return null;
    }
    double value;
    if (unit.isEmpty()) {
      value = raw;
    } else {
      switch (scope.terminology().toCanonical(measure, raw, unit)) {
        case Conversion.Converted c -> value = c.value();
        case Conversion.Failed f -> {
          scope.error(path, conversionMessage(measure, unit, f) + "; the result is not used");
          return null;
        }
      }
    }
    return plausible(measure, value, path, scope) ? value : null;
  }

  /** Whether a code names a blood pressure panel ({@link #BLOOD_PRESSURE_PANELS}). */
  static boolean bloodPressurePanel(CodeableConcept code) {
    for (Coding c : code.getCoding()) {
      if (LOINC.equals(c.getSystem()) && c.hasCode() && BLOOD_PRESSURE_PANELS.contains(c.getCode().strip())) {
        return true;
      }
    }
    return false;
  }

  /** The numeric measure a component's LOINC code records, or null. */
  private static Measure componentMeasure(CodeableConcept code, ResourceScope scope) {
    for (Coding c : code.getCoding()) {
      if (LOINC.equals(c.getSystem()) && c.hasCode()) {
        Optional<Measure> found = scope.terminology().measureForLoinc(c.getCode());
        if (found.isPresent() && !found.get().coded()) return found.get();
      }
    }
    return null;
  }

  /**
   * Measures that are no laboratory result of a specimen: vital signs, body size, scores and imaging. Their LOINC code
   * does not say in what setting they were taken: a systolic pressure inside an exercise test, an oxygen saturation on
   * exertion or a weight inside a birth panel is not the patient's, so a component of another panel coded with one is
   * not read. A lab analyte's code names the specimen and what is measured in it (a platelet count in blood is one
   * whatever panel holds it).
   */
  static final Set<String> NOT_LAB_RESULTS = Set.of("systolic-blood-pressure", "diastolic-blood-pressure",
      "oxygen-saturation", "body-weight", "body-height", "bmi", "ecog", "karnofsky", "lansky", "lvef", "qtc");

  /** The laboratory measure a component's LOINC code records, or null. */
  private static Measure labComponentMeasure(CodeableConcept code, ResourceScope scope) {
    Measure measure = componentMeasure(code, scope);
    return measure == null || NOT_LAB_RESULTS.contains(measure.key()) ? null : measure;
  }

  /** Whether an Observation holds a component coded with a laboratory measure's LOINC code. */
  private static boolean hasLabComponent(Observation obs, ResourceScope scope) {
    for (Observation.ObservationComponentComponent component : obs.getComponent()) {
      if (labComponentMeasure(component.getCode(), scope) != null) return true;
    }
    return false;
  }

  /**
   * A blood pressure panel, or ({@code lab}) a laboratory panel giving its results as components: each component with
   * a measure's LOINC code (of a laboratory measure, {@link #NOT_LAB_RESULTS}, for a lab panel) and a quantity becomes a
   * measurement dated as the panel. A component without a usable value is reported and left out, and sets older
   * results of its measure aside; the others still count.
   */
  private static void panel(Observation obs, boolean lab, ResourceScope scope, PatientFactsCollector facts) {
    java.util.List<Observation.ObservationComponentComponent> components = obs.getComponent();
    FhirDates.Day date = null;
    boolean dated = false;
    for (int i = 0; i < components.size(); i++) {
      Observation.ObservationComponentComponent component = components.get(i);
      String path = "component[" + i + "]";
      Measure measure = lab ? labComponentMeasure(component.getCode(), scope)
          : componentMeasure(component.getCode(), scope);
      if (measure == null) continue; // mean arterial pressure, cuff size and the like: not a measure Eligo uses
      facts.measuresReported.add(measure.key()); // readable or not, the record reports it
      if (!dated) {
        date = days(obs, scope);
        dated = true;
        if (date == null) {
          scope.error("effective", "has no usable effective date or issued time; the readings are not used");
          for (Observation.ObservationComponentComponent other : components) {
            Measure m = lab ? labComponentMeasure(other.getCode(), scope)
                : componentMeasure(other.getCode(), scope);
            if (m != null) undated(m, scope); // each may be the newest of its measure
          }
          return;
        }
      }
      if (component.hasValue() && component.hasDataAbsentReason()) {
        // a value beside a reason it is absent: never read (DECISIONS 93), as for a result of its own
        scope.error(path + ".value", "is given together with a data-absent reason; the value is not used");
        unreadReading(measure, date, "gives a value and a reason it is absent", scope);
        continue;
      }
      if (!component.hasValue()) {
        if (component.hasDataAbsentReason()) scope.info(path + ".dataAbsentReason", "has no value (data absent)");
        else scope.error(path + ".value", "is missing; the reading is not used");
        String notGiven = resultNotGiven(component.getDataAbsentReason(), component.hasInterpretation());
        // as for a result of its own: a reading taken but not given as a value sets older readings aside
        if (notGiven != null) unreadReading(measure, date, "is not given as a value (" + notGiven + ")", scope);
        continue;
      }
      if (!component.hasValueQuantity()) {
        scope.error(path + ".value", measure.withArticle() + " needs a number (valueQuantity); this value type is "
            + "not read");
        unreadReading(measure, date, "could not be read", scope);
        continue;
      }
      Quantity q = component.getValueQuantity();
      if (!q.hasValue()) {
        scope.error(path + ".valueQuantity.value", "is missing; the reading is not used");
        continue;
      }
      double raw = q.getValue().doubleValue();
      UnitField u = unitOf(q, path + ".valueQuantity");
      if (unitsDisagree(q, raw, measure, path + ".valueQuantity", "the reading is not used", scope)) {
        unreadReading(measure, date, "could not be read", scope);
        continue;
      }
      ValueBound bound = null;
      if (q.hasComparator()) {
        bound = bound(q, raw, path + ".valueQuantity.comparator", scope);
        if (bound == null) {
          unreadReading(measure, date, "could not be read", scope);
          continue;
        }
      }
      Double value = canonical(measure, raw, u.unit(), u.path(), scope);
      if (value == null) {
        unreadReading(measure, date, "could not be read", scope); // as a numeric result of its own
        continue;
      }
      // a lab panel's component may give its own normal range ("ALT ≤ 2.5 × ULN"); a blood pressure reading has none
      double[] limits = lab ? normalLimits(component.getReferenceRange(), path + ".referenceRange", u.unit(), measure,
          scope) : null;
      Double high = limits == null || Double.isNaN(limits[0]) ? null : limits[0];
      Double low = limits == null || Double.isNaN(limits[1]) ? null : limits[1];
      facts.measurements.add(new Measurement(measure.key(), value, measure.canonicalUnit(), date.day(), high, low,
          original(bound, raw, u.unit()), scope.source(), time(obs), date.last(), bound));
    }
    if (!dated) scope.skip("component", "has no systolic or diastolic reading Eligo reads");
  }

  /**
   * Whether the quantity's UCUM code and the unit it displays both express the measure with different values
   * ({@link FhirTerminology#unitsDisagree}): reported as an ERROR for a result (data dropped) or a WARNING for a
   * reference limit, and the value is not used. Read by the code alone, a platelet count of 150 displayed "K/uL" and
   * coded "/uL" was 0.15 ×10⁹/L and failed "Platelet count ≥ 50 × 10⁹/L" (DECISIONS 90).
   */
  private static boolean unitsDisagree(Quantity q, double raw, Measure measure, String base, String consequence,
                                       ResourceScope scope) {
    boolean ucumCode = q.hasCode() && (!q.hasSystem() || UCUM.equals(q.getSystem()));
    if (!ucumCode || !q.hasUnit() || !scope.terminology().unitsDisagree(measure, raw, q.getCode(), q.getUnit())) {
      return false;
    }
    String message = "its UCUM code and the unit it displays give " + measure.withArticle() + " different values ("
        + converted(measure, raw, q.getCode(), scope) + " by the code, " + converted(measure, raw, q.getUnit(), scope)
        + " by the displayed unit); the record does not say which is right, so " + consequence;
    if (consequence.contains("limit")) scope.warn(base + ".code", message);
    else scope.error(base + ".code", message);
    return true;
  }

  private static String converted(Measure measure, double raw, String unit, ResourceScope scope) {
    return scope.terminology().toCanonical(measure, raw, unit.strip()) instanceof Conversion.Converted c
        ? number(BigDecimal.valueOf(c.value()).round(new java.math.MathContext(4)).doubleValue()) + " "
        + measure.canonicalUnit() : "?";
  }

  /** A unit and the field it came from: the UCUM code when there is one, else the human-readable unit. */
  record UnitField(String unit, String path) {}

  static UnitField unitOf(Quantity q, String base) {
    boolean ucumCode = q.hasCode() && (!q.hasSystem() || UCUM.equals(q.getSystem()));
    if (ucumCode) return new UnitField(q.getCode().strip(), base + ".code");
    if (q.hasUnit()) return new UnitField(q.getUnit().strip(), base + ".unit");
    return new UnitField("", base + ".unit");
  }

  private static boolean plausible(Measure measure, double value, String path, ResourceScope scope) {
    if (!measure.plausible(value)) {
      scope.error(path, number(value) + " " + measure.canonicalUnit() + " is outside the plausible range of "
          + measure.withArticle() + " (" + range(measure) + "); the result is not used");
      return false;
    }
    return true;
  }

  /** A range without a type, or typed as the normal range (referencerange-meaning "normal"). */
  private static boolean normalRange(ObservationReferenceRangeComponent range) {
    if (!range.hasType()) return true;
    for (org.hl7.fhir.r4.model.Coding c : range.getType().getCoding()) {
      if ("normal".equals(c.getCode())) return true;
    }
    return "normal".equalsIgnoreCase(range.getType().getText());
  }

  private static Double limit(Quantity q, String path, String valueUnit, Measure measure, ResourceScope scope) {
    if (q == null || !q.hasValue()) return null;
    UnitField u = unitOf(q, path);
    double raw = q.getValue().doubleValue();
    if (unitsDisagree(q, raw, measure, path, "the limit is left out", scope)) return null;
    if (u.unit().isEmpty() && !measure.unitless()) {
      // "1.24" beside a creatinine of 160 µmol/L may be mg/dL: taken in the value's unit it was a ULN of 0.014 mg/dL,
      // and every patient failed "≤ 1.5 × ULN". A limit without its own unit is no number to compare, as a value
      // without one is not (DECISIONS §36, §63)
      scope.warn(u.path(), "the limit has no unit of its own, and may not be in the value's (" + valueUnit
          + "); it is left out");
      return null;
    }
    String unit = u.unit().isEmpty() ? valueUnit : u.unit();
    if (unit.isEmpty()) return raw;
    return switch (scope.terminology().toCanonical(measure, raw, unit)) {
      case Conversion.Converted c -> c.value();
      case Conversion.Failed f -> {
        scope.warn(u.path(), conversionMessage(measure, unit, f) + "; the limit is left out");
        yield null;
      }
    };
  }

  private static String conversionMessage(Measure measure, String unit, Conversion.Failed failed) {
    return switch (failed.kind()) {
      case INCOMPATIBLE_UNIT -> "unit '" + unit + "' cannot express " + measure.withArticle() + " (measured in "
          + measure.canonicalUnit() + ")";
      case IMPLAUSIBLE_VALUE -> "implausible " + measure.label() + ": " + failed.reason();
      // an unreadable unit is not quoted: the field may hold anything, even a name
      case UNKNOWN_UNIT -> "the unit is neither UCUM nor a lab spelling Eligo knows, so it cannot express "
          + measure.withArticle() + " (measured in " + measure.canonicalUnit() + ")";
      case OTHER -> failed.reason();
    };
  }

  private static String range(Measure m) {
    return (m.plausibleZero() ? "0, or " : "") + (m.plausibleLow() == null ? "" : number(m.plausibleLow())) + ".."
        + (m.plausibleHigh() == null ? "" : number(m.plausibleHigh())) + " " + m.canonicalUnit();
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
