package org.eligo.fhir;

import java.util.Set;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.PatientFactsCollector;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.Unidentified;

/**
 * Entries of a record that could not be read (a misspelt resource type, a status HAPI rejects, a mapping that failed)
 * still say that the record holds something. A diagnosis, drug, procedure, vaccine or allergy entry that was left out
 * may be exactly what a criterion asks about, so it is kept as an {@link Unidentified} fact: "none of the diagnoses in the record is X" can
 * no longer be concluded, and the criterion stays open with the question what the entry is. A misspelt type counts as
 * the type it is closest to ("Condtion"); an entry whose type cannot be told counts as both.
 */
final class LeftOutEntries {
  private static final Set<String> MEDICATION_TYPES = Set.of("Medication", "MedicationStatement", "MedicationRequest",
      "MedicationAdministration", "MedicationDispense");

  private LeftOutEntries() {}

  /** Records what the entry at {@code index}, of {@code type} (as the record gave it, possibly blank), may hold. */
  static void mark(String given, int index, PatientFactsCollector facts) {
    mark(given, index, facts, "which could not be read");
  }

  /** As {@link #mark(String, int, PatientFactsCollector)}, saying why it was left out ("which could not be read"). */
  static void mark(String given, int index, PatientFactsCollector facts, String why) {
    String type = given;
    if (type != null && !type.isBlank() && !HapiResourceParser.isResourceType(type)) {
      String meant = HapiResourceParser.closestType(type); // "Condtion" is a Condition, "Observaton" is not
      if (meant != null) type = meant;
    }
    boolean known = type != null && HapiResourceParser.isResourceType(type);
    SourceRef source = new SourceRef("Bundle", "entry[" + index + "]");
    String text = "entry " + index + " of the record (" + (given == null || given.isBlank() ? "no resource type"
        : given) + "), " + why;
    if (!known || type.equals("Condition")) {
      facts.conditions.add(new ConditionFact(Unidentified.CONCEPTS, text, ClinicalStatus.UNKNOWN, null, null, source,
          true));
    }
    if (!known || MEDICATION_TYPES.contains(type)) {
      facts.medications.add(new MedicationExposure(Unidentified.CONCEPTS, text, null, null, ExposureStatus.UNKNOWN,
          source));
    }
    if (!known || type.equals("Procedure")) {
      facts.procedures.add(new ProcedureFact(Unidentified.CONCEPTS, text, null, source));
    }
    if (!known || type.equals("Immunization")) {
      facts.immunizations.add(new ImmunizationFact(Unidentified.CONCEPTS, text, null, source));
    }
    if (!known || type.equals("AllergyIntolerance")) {
      facts.allergies.add(new AllergyFact(Unidentified.CONCEPTS, text, false, source));
    }
  }
}
