package org.eligo.terminology;

/** The kind of thing a concept names; criteria and FHIR resources look for concepts of one kind. */
public enum Kind {
    /** Diagnoses, disorders, findings and states such as pregnancy (FHIR Condition). */
    CONDITION,
    /** Drugs, drug classes and substances taken like drugs (FHIR Medication*, AllergyIntolerance substances). */
    MEDICATION,
    /** Procedures and their status codes, such as transplantation or splenectomy (FHIR Procedure). */
    PROCEDURE,
    /** Vaccines and vaccine classes such as live vaccines (FHIR Immunization). */
    VACCINE
}
