package org.eligo.fhir;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Entries that only say what a record does not hold. An International Patient Summary fills a section it has nothing
 * for with one entry coded in the IPS code system "Absent and Unknown Data" ({@value #SYSTEM}: {@code no-problem-info},
 * {@code no-medication-info}, {@code no-known-medications}, {@code no-known-allergies} ...; HL7 IPS IG,
 * https://hl7.org/fhir/uv/ips/STU1/CodeSystem-absent-unknown-uv-ips.xml). Such an entry is no diagnosis, drug,
 * procedure, allergy or vaccine: read as one, the list it stands in would no longer be empty, and "none of the
 * diagnoses in the record is aplastic anemia" would be concluded from a record that says it has no information. Nor is
 * "no known medications" a statement that there are none: the IPS defines it as none known, or none relevant to the
 * summary. It is left out, so the criteria stay open as for a record without such entries.
 */
public final class AbsentOrUnknown {
  /** The IPS "Absent and Unknown Data" code system. */
  public static final String SYSTEM = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

  private AbsentOrUnknown() {}

  /** The element of {@code resource} that names what it records, when it is coded as absent or unknown; else null. */
  static String element(Resource resource) {
    return switch (resource) {
      case Condition c -> says(c.getCode()) ? "code" : null;
      case Procedure p -> says(p.getCode()) ? "code" : null;
      case AllergyIntolerance a -> says(a.getCode()) ? "code" : null;
      case Immunization i -> says(i.getVaccineCode()) ? "vaccineCode" : null;
      case MedicationStatement m -> medication(m.getMedication());
      case MedicationRequest m -> medication(m.getMedication());
      case MedicationAdministration m -> medication(m.getMedication());
      case MedicationDispense m -> medication(m.getMedication());
      default -> null;
    };
  }

  private static String medication(Type medication) {
    return medication instanceof CodeableConcept cc && says(cc) ? "medicationCodeableConcept" : null;
  }

  private static boolean says(CodeableConcept concept) {
    if (concept == null) return false;
    for (Coding c : concept.getCoding()) {
      if (c.hasSystem() && SYSTEM.equals(c.getSystem().strip())) return true;
    }
    return false;
  }
}
