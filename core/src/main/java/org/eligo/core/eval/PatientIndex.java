package org.eligo.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.InfectionResult;
import org.eligo.core.patient.KidneyFunctionEstimates;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.Unidentified;

/**
 * A patient's facts indexed by concept id and measure key, built once per patient so that evaluating thousands of
 * trials does no scanning.
 */
public final class PatientIndex {
  private final PatientFacts facts;
  private final Map<String, List<Measurement>> measurementsNewestFirst;
  private final Map<String, List<CodedObservation>> codedNewestFirst;
  private final Map<String, List<ConditionFact>> conditions;
  private final Map<String, List<MedicationExposure>> medications;
  private final Map<String, List<ProcedureFact>> procedures;
  private final Map<String, List<AllergyFact>> allergies;
  private final Map<String, List<ImmunizationFact>> immunizations;
  private final List<ConditionFact> unidentifiedConditions;
  private final List<MedicationExposure> unidentifiedMedications;
  private final Map<String, List<InfectionResult>> infectionResults;
  /** Measures with a result the record dates only by a year or month (most records have none). */
  private final Set<String> impreciseMeasures;

  private PatientIndex(PatientFacts facts) {
    this.facts = facts;
    // newest day first; within a day, the latest time first (results without a time after those with one)
    // creatinine-based eGFR and creatinine clearance are estimated where the record reports none, and the BMI computed
    this.measurementsNewestFirst = byKey(KidneyFunctionEstimates.withEstimates(facts), Measurement::measure,
        Comparator.comparing(Measurement::date).reversed()
            .thenComparing(Measurement::at, Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder())));
    this.codedNewestFirst = byKey(facts.codedObservations(), CodedObservation::measure,
        Comparator.comparing(CodedObservation::date).reversed());
    Set<String> imprecise = new java.util.HashSet<>();
    for (List<Measurement> list : measurementsNewestFirst.values()) {
      for (Measurement m : list) if (m.imprecise()) imprecise.add(m.measure());
    }
    this.impreciseMeasures = imprecise.isEmpty() ? Set.of() : Set.copyOf(imprecise);
    this.conditions = byConcept(facts.conditions(), ConditionFact::concepts);
    this.medications = byConcept(facts.medications(), MedicationExposure::concepts);
    this.procedures = byConcept(facts.procedures(), ProcedureFact::concepts);
    this.allergies = byConcept(facts.allergies(), AllergyFact::concepts);
    this.immunizations = byConcept(facts.immunizations(), ImmunizationFact::concepts);
    this.unidentifiedConditions = conditions.getOrDefault(Unidentified.CONCEPT, List.of());
    this.unidentifiedMedications = medications.getOrDefault(Unidentified.CONCEPT, List.of());
    this.infectionResults = byConcept(facts.infectionResults(), InfectionResult::concepts);
    this.infectionResults.values().forEach(list -> list.sort(Comparator.comparing(InfectionResult::date).reversed()));
  }

  public static PatientIndex of(PatientFacts facts) {
    return new PatientIndex(facts);
  }

  /** The patient's completed ages in each unit on one date, computed once per date (age rules ask for every trial). */
  private record Ages(java.time.LocalDate asOf, long[] byUnit) {}

  private volatile Ages ages;

  /** Completed units of age on {@code asOf}; the birth date must be known and not after {@code asOf}. */
  long completedAge(java.time.LocalDate asOf, org.eligo.core.trial.RegistryAge.Unit unit) {
    Ages a = ages;
    if (a == null || !a.asOf().equals(asOf)) {
      var units = org.eligo.core.trial.RegistryAge.Unit.values();
      long[] byUnit = new long[units.length];
      for (var u : units) byUnit[u.ordinal()] = DemographicsEvaluator.completed(facts.birthDate(), asOf, u);
      a = new Ages(asOf, byUnit);
      ages = a;
    }
    return a.byUnit()[unit.ordinal()];
  }

  /** The patient's condition concepts as numbers ({@link ConceptSet#numberedAmong}), with their generation. */
  private record NumberedConditions(int generation, java.util.BitSet numbers) {}

  private volatile NumberedConditions numberedConditions;

  /** Whether any condition in the record carries one of {@code concepts}; false means a look-up would find none. */
  public boolean hasConditionIn(org.eligo.core.rule.ConceptSet concepts) {
    return concepts.intersects(numberedConditions());
  }

  /**
   * The record's condition concepts as numbers ({@link org.eligo.core.rule.ConceptSet#numberedAmong}), remade when a
   * rule has named a new concept since; not to be modified.
   */
  public java.util.BitSet numberedConditions() {
    NumberedConditions mine = numberedConditions;
    int generation = org.eligo.core.rule.ConceptSet.generation();
    if (mine == null || mine.generation() != generation) {
      mine = new NumberedConditions(generation, org.eligo.core.rule.ConceptSet.numberedAmong(conditions.keySet()));
      numberedConditions = mine;
    }
    return mine.numbers();
  }

  public PatientFacts facts() {
    return facts;
  }

  /** Results of a measure, newest first. */
  public List<Measurement> measurements(String measure) {
    return measurementsNewestFirst.getOrDefault(measure, List.of());
  }

  /**
   * Whether some result of a measure is dated only by a year or month: then a result further down the newest-first
   * list ({@link #measurements}) may still be the latest.
   */
  public boolean hasImpreciseDates(String measure) {
    return impreciseMeasures.contains(measure);
  }

  /** Coded results of a measure, newest first. */
  public List<CodedObservation> coded(String measure) {
    return codedNewestFirst.getOrDefault(measure, List.of());
  }

  public List<ConditionFact> conditions(Set<String> concepts) {
    return lookup(conditions, concepts);
  }

  /** Diagnoses the record holds only as codes Eligo does not know ({@link Unidentified}). */
  public List<ConditionFact> unidentifiedConditions() {
    return unidentifiedConditions;
  }

  /** Medications the record holds only as codes Eligo does not know ({@link Unidentified}). */
  public List<MedicationExposure> unidentifiedMedications() {
    return unidentifiedMedications;
  }

  /** Whether the record holds any infection test result (most records hold none: then nothing else is looked up). */
  public boolean hasInfectionResults() {
    return !infectionResults.isEmpty();
  }

  /** Infection test results about any of {@code concepts} (classes included), newest first. */
  public List<InfectionResult> infectionResults(Set<String> concepts) {
    List<InfectionResult> found = lookup(infectionResults, concepts);
    if (found.size() > 1 && concepts.size() > 1) {
      found = new ArrayList<>(found);
      found.sort(Comparator.comparing(InfectionResult::date).reversed());
    }
    return found;
  }

  public List<MedicationExposure> medications(Set<String> concepts) {
    return lookup(medications, concepts);
  }

  public List<ProcedureFact> procedures(Set<String> concepts) {
    return lookup(procedures, concepts);
  }

  public List<AllergyFact> allergies(Set<String> concepts) {
    return lookup(allergies, concepts);
  }

  public List<ImmunizationFact> immunizations(Set<String> concepts) {
    return lookup(immunizations, concepts);
  }

  /**
   * The facts filed under any of {@code concepts}, each once. Walks whichever side is smaller: a rule may name a dozen
   * concepts while a patient has two diagnoses, or the other way round.
   */
  private static <T> List<T> lookup(Map<String, List<T>> index, Set<String> concepts) {
    if (index.isEmpty()) return List.of();
    if (concepts.size() == 1) return index.getOrDefault(concepts.iterator().next(), List.of());
    List<T> found = null;
    if (index.size() < concepts.size()) {
      for (Map.Entry<String, List<T>> entry : index.entrySet()) {
        if (concepts.contains(entry.getKey())) found = add(found, entry.getValue());
      }
    } else {
      for (String concept : concepts) {
        List<T> hits = index.get(concept);
        if (hits != null) found = add(found, hits);
      }
    }
    return found == null ? List.of() : found;
  }

  private static <T> List<T> add(List<T> found, List<T> hits) {
    if (found == null) return new ArrayList<>(hits);
    for (T hit : hits) if (!found.contains(hit)) found.add(hit);
    return found;
  }

  private static <T> Map<String, List<T>> byKey(List<T> items, Function<T, String> key, Comparator<T> order) {
    Map<String, List<T>> map = new HashMap<>();
    for (T item : items) map.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
    map.values().forEach(list -> list.sort(order));
    return map;
  }

  private static <T> Map<String, List<T>> byConcept(List<T> items, Function<T, Set<String>> concepts) {
    Map<String, List<T>> map = new HashMap<>();
    for (T item : items) {
      for (String concept : concepts.apply(item)) map.computeIfAbsent(concept, k -> new ArrayList<>()).add(item);
    }
    return map;
  }
}
