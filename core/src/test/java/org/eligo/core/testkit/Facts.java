package org.eligo.core.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.ValueBound;

/** Builds {@link PatientFacts} for tests in a few readable calls. */
public final class Facts {
  private final String id;
  private LocalDate birthDate;
  private LocalDate birthDateLatest;
  private Sex sex = Sex.UNKNOWN;
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<CodedObservation> coded = new ArrayList<>();
  private final List<ConditionFact> conditions = new ArrayList<>();
  private final List<MedicationExposure> medications = new ArrayList<>();
  private final List<ProcedureFact> procedures = new ArrayList<>();
  private final List<AllergyFact> allergies = new ArrayList<>();
  private final List<ImmunizationFact> immunizations = new ArrayList<>();
  private final List<InfectionResult> infectionResults = new ArrayList<>();
  private int counter;

  private Facts(String id) {
    this.id = id;
  }

  public static Facts patient(String id) {
    return new Facts(id);
  }

  public Facts born(String date) {
    birthDate = LocalDate.parse(date);
    return this;
  }

  /** A record giving only the year of birth (FHIR birthDate "2011"). */
  public Facts bornInYear(int year) {
    birthDate = LocalDate.of(year, 1, 1);
    birthDateLatest = LocalDate.of(year, 12, 31);
    return this;
  }

  public Facts sex(Sex sex) {
    this.sex = sex;
    return this;
  }

  public Facts lab(String measure, double value, String unit, String date) {
    return lab(measure, value, unit, date, null);
  }

  /**
   * The canonical unit of each measure the terminology module defines ({@code hemoglobin} g/L), when its data is on
   * the class path (tests of the criteria parser, whose rules are in these units); empty otherwise (core's own tests,
   * whose rules are written in any unit).
   */
  private static final java.util.Map<String, String> CANONICAL_UNITS = canonicalUnits();

  private static java.util.Map<String, String> canonicalUnits() {
    try (java.io.InputStream in = Facts.class.getClassLoader()
        .getResourceAsStream("org/eligo/terminology/measures.json")) {
      if (in == null) return java.util.Map.of();
      String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      java.util.Map<String, String> units = new java.util.HashMap<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\s*\"key\"\\s*:\\s*\"([^\"]+)\"[^{}\\[]*?"
          + "\"canonicalUnit\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
      while (m.find()) units.put(m.group(1), m.group(2));
      if (units.isEmpty()) throw new IllegalStateException("no canonical units read from measures.json");
      return java.util.Map.copyOf(units);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A result in another unit than its measure's canonical one is refused: the facts a reader gives are always in the
   * canonical unit, and the evaluator compares numbers, so a hemoglobin of "13.5 g/dL" would silently be 13.5 g/L and
   * the test would say something else than it reads (DECISIONS 93).
   */
  private static void canonical(String measure, String unit) {
    String canonical = CANONICAL_UNITS.get(measure);
    if (canonical != null && !canonical.equals(unit)) {
      throw new IllegalArgumentException("a " + measure + " result is held in " + canonical + ", not " + unit
          + ": write the value in " + canonical + " (the FHIR reader converts a record's unit; these facts are "
          + "what it gives)");
    }
  }

  /** A result taken at a moment ({@code 2026-11-24T15:00:00Z}): its day, and its time to order the day's results. */
  public Facts labAt(String measure, double value, String unit, String instant) {
    canonical(measure, unit);
    java.time.Instant at = java.time.Instant.parse(instant);
    measurements.add(new Measurement(measure, value, unit, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), null,
        null, null, ref("Observation"), at));
    return this;
  }

  public Facts lab(String measure, double value, String unit, String date, Double upperLimit) {
    canonical(measure, unit);
    measurements.add(new Measurement(measure, value, unit, date(date), upperLimit, null, null,
        ref("Observation"), null, last(date)));
    return this;
  }

  /** A result with the lab's reference range ({@code low} or {@code high} may be null). */
  public Facts labRange(String measure, double value, String unit, String date, Double low, Double high) {
    canonical(measure, unit);
    measurements.add(new Measurement(measure, value, unit, date(date), high, low, null, ref("Observation"), null,
        last(date)));
    return this;
  }

  /** A result the record gives only as a bound: {@code labBound("crp", "<", 5, "mg/L", "2026-11-01", null)} is "<5". */
  public Facts labBound(String measure, String comparator, double value, String unit, String date,
                        Double upperLimit) {
    canonical(measure, unit);
    ValueBound bound = ValueBound.ofCode(comparator);
    if (bound == null) throw new IllegalArgumentException("not a comparator: " + comparator);
    measurements.add(new Measurement(measure, value, unit, date(date), upperLimit, null, null, ref("Observation"),
        null, last(date), bound));
    return this;
  }

  public Facts coded(String measure, String concept, String date) {
    coded.add(new CodedObservation(measure, Set.of(concept), concept, date(date), ref("Observation"), last(date)));
    return this;
  }

  /** A diagnosis the record only suspects (provisional, "rule out ..."). */
  public Facts suspectedCondition(String text, ClinicalStatus status, String... concepts) {
    conditions.add(new ConditionFact(Set.of(concepts), text, status, null, null, ref("Condition"), false));
    return this;
  }

  public Facts condition(String text, ClinicalStatus status, String onset, String abatement, String... concepts) {
    conditions.add(new ConditionFact(Set.of(concepts), text, status, date(onset), date(abatement), ref("Condition"),
        true, last(onset), last(abatement)));
    return this;
  }

  /** A confirmed diagnosis without an onset, recorded on {@code recorded} (null: no date at all). */
  public Facts recordedCondition(String text, ClinicalStatus status, String recorded, String... concepts) {
    conditions.add(new ConditionFact(Set.of(concepts), text, status, null, null, ref("Condition"), true, null, null,
        date(recorded)));
    return this;
  }

  public Facts medication(String text, String start, String end, ExposureStatus status, String... concepts) {
    medications.add(new MedicationExposure(Set.of(concepts), text, date(start), date(end), status,
        ref("MedicationStatement"), false, last(start), last(end)));
    return this;
  }

  /** A drug used locally (a cream, an inhaler, a line flush). */
  public Facts localMedication(String text, String start, String end, ExposureStatus status, String... concepts) {
    medications.add(new MedicationExposure(Set.of(concepts), text, date(start), date(end), status,
        ref("MedicationStatement"), true));
    return this;
  }

  public Facts procedure(String text, String date, String... concepts) {
    procedures.add(new ProcedureFact(Set.of(concepts), text, date(date), ref("Procedure"), last(date)));
    return this;
  }

  /** A transfusion procedure giving its units ("PRBC 2 units"); {@code units} null when it gives none. */
  public Facts procedureUnits(String text, String date, Integer units, String... concepts) {
    procedures.add(new ProcedureFact(Set.of(concepts), text, date(date), ref("Procedure"), last(date), units));
    return this;
  }

  /** A blood product given as a medication on one day, with its units (null when it gives none). */
  public Facts administeredUnits(String text, String day, Integer units, String... concepts) {
    medications.add(new MedicationExposure(Set.of(concepts), text, date(day), date(day), ExposureStatus.COMPLETED,
        ref("MedicationAdministration"), false, last(day), last(day), units));
    return this;
  }

  public Facts allergy(String text, boolean anaphylaxis, String... concepts) {
    allergies.add(new AllergyFact(Set.of(concepts), text, anaphylaxis, ref("AllergyIntolerance")));
    return this;
  }

  public Facts immunization(String text, String date, String... concepts) {
    immunizations.add(new ImmunizationFact(Set.of(concepts), text, date(date), ref("Immunization"), last(date)));
    return this;
  }

  /**
   * An infection test result ("HBsAg: Positive") showing what {@code finding} says about {@code infection}, filed also
   * under the classes that include it (e.g. {@code infection}).
   */
  public Facts infectionResult(String text, InfectionResult.Finding finding, String date, String infection,
                               String... classes) {
    Set<String> concepts = new java.util.HashSet<>(List.of(classes));
    concepts.add(infection);
    infectionResults.add(new InfectionResult(infection, concepts, finding, text, date(date),
        ref("Observation"), last(date)));
    return this;
  }

  /**
   * A viral-load result ({@code test} e.g. {@code hbv-dna}): what it says of the virus and, when it shows anything,
   * of the infection ({@code finding} null for an undetectable HBV DNA or HIV-1 RNA, or a load below a bound).
   */
  public Facts viralLoad(String test, String text, org.eligo.core.patient.ViralLoad load,
                         InfectionResult.Finding finding, String date, String infection, String... classes) {
    Set<String> concepts = new java.util.HashSet<>(List.of(classes));
    concepts.add(infection);
    infectionResults.add(new InfectionResult(infection, concepts, finding, text, date(date), ref("Observation"),
        last(date), false, test, load));
    return this;
  }

  /**
   * The result of an antibody test (anti-HCV, HIV antigen/antibody): a positive one is {@code EXPOSED}; a negative
   * one ({@code NOT_INFECTED}) cannot say an infection shown before it has gone.
   */
  public Facts antibodyResult(String text, InfectionResult.Finding finding, String date, String infection,
                              String... classes) {
    Set<String> concepts = new java.util.HashSet<>(List.of(classes));
    concepts.add(infection);
    infectionResults.add(new InfectionResult(infection, concepts, finding, text, date(date),
        ref("Observation"), last(date), true));
    return this;
  }

  public PatientFacts build() {
    return new PatientFacts(id, birthDate, sex, measurements, coded, conditions, medications, procedures, allergies,
        immunizations, birthDateLatest, java.util.Set.of(), infectionResults);
  }

  private SourceRef ref(String type) {
    return new SourceRef(type, type.toLowerCase(java.util.Locale.ROOT) + "-" + (++counter));
  }

  /** A day, or the first day of a year ("2025") or month ("2025-12") the record gives without the day. */
  private static LocalDate date(String text) {
    if (text == null) return null;
    if (text.length() == 4) return LocalDate.of(Integer.parseInt(text), 1, 1);
    if (text.length() == 7) return LocalDate.parse(text + "-01");
    return LocalDate.parse(text);
  }

  /** The last day of a year or month, as {@link #date} reads it; the day itself for a full date. */
  private static LocalDate last(String text) {
    if (text == null) return null;
    if (text.length() == 4) return LocalDate.of(Integer.parseInt(text), 12, 31);
    if (text.length() == 7) return java.time.YearMonth.parse(text).atEndOfMonth();
    return LocalDate.parse(text);
  }
}
