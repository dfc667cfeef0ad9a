package org.eligo.screening.bulk;

import java.util.Optional;

/** The resource types screening reads, in the order a patient's resources are handed to the reader. */
public enum SupportedType {
  Patient, Observation, Condition, MedicationStatement, MedicationRequest, MedicationAdministration,
  MedicationDispense, Procedure, AllergyIntolerance, Immunization;

  /** The type with this exact name, if screening reads it. */
  public static Optional<SupportedType> of(String name) {
    for (SupportedType t : values()) if (t.name().equals(name)) return Optional.of(t);
    return Optional.empty();
  }

  /** The top-level element holding the patient reference ({@code patient} or {@code subject}); none for Patient. */
  public String patientElement() {
    return switch (this) {
      case Patient -> "";
      case AllergyIntolerance, Immunization -> "patient";
      default -> "subject";
    };
  }
}
