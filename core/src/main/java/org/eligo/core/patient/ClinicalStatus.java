package org.eligo.core.patient;

/** FHIR Condition clinical status, reduced to what eligibility needs. */
public enum ClinicalStatus {
  ACTIVE, RECURRENCE, RELAPSE, INACTIVE, REMISSION, RESOLVED, UNKNOWN;

  /** Active, recurrence and relapse count as current disease. */
  public boolean isActive() {
    return this == ACTIVE || this == RECURRENCE || this == RELAPSE;
  }
}
