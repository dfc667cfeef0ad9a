package org.eligo.screening.population;

/** The resource types a population is written as, one set of files each, in the order they are written. */
public enum ResourceType {
  Patient, Observation, Condition, MedicationStatement, MedicationRequest, Procedure, AllergyIntolerance, Immunization
}
