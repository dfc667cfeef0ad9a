package org.eligo.server.fhir;

import java.util.List;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;

/** A registry trial as a FHIR R4 ResearchStudy: NCT identifier, title, status, phase, conditions and its link. */
final class ResearchStudyMapper {
  static final String NCT_SYSTEM = "http://clinicaltrials.gov";
  private static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";

  private ResearchStudyMapper() {}

  static ResearchStudy map(Trial trial) {
    ResearchStudy s = new ResearchStudy();
    s.setId(trial.nctId());
    s.addIdentifier().setSystem(NCT_SYSTEM).setValue(trial.nctId());
    s.setTitle(trial.title());
    s.setStatus(status(trial));
    // R4 has no code for a status the registry has not verified; the registry's own word goes in an extension.
    if (trial.overallStatus() != null) {
      s.addExtension(FhirExtensions.REGISTRY_STATUS, new org.hl7.fhir.r4.model.CodeType(trial.overallStatus().name()));
    }
    String phase = phase(trial.design() == null ? List.of() : trial.design().phases());
    if (phase != null) s.setPhase(new CodeableConcept(new Coding(PHASE_SYSTEM, phase, null)));
    if (trial.conditions() != null) {
      trial.conditions().conditions().forEach(c -> s.addCondition(new CodeableConcept().setText(c)));
    }
    if (trial.sponsors() != null && trial.sponsors().leadSponsor() != null) {
      s.getSponsor().setDisplay(trial.sponsors().leadSponsor().name());
    }
    s.addRelatedArtifact().setType(org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType.DOCUMENTATION)
        .setUrl("https://clinicaltrials.gov/study/" + trial.nctId());
    return s;
  }

  /**
   * The R4 status (required): for a registry status of UNKNOWN (not verified for two years) the last known status's,
   * else closed to accrual (UNKNOWN is only given to studies past their completion date).
   */
  static ResearchStudyStatus status(Trial trial) {
    RecruitmentStatus status = trial.overallStatus();
    if (status == null || status == RecruitmentStatus.UNKNOWN) {
      RecruitmentStatus last = trial.status() == null ? null : trial.status().lastKnownStatus();
      return last == null || last == RecruitmentStatus.UNKNOWN ? ResearchStudyStatus.CLOSEDTOACCRUAL : status(last);
    }
    return status(status);
  }

  static ResearchStudyStatus status(RecruitmentStatus status) {
    return switch (status) {
      case RECRUITING, ENROLLING_BY_INVITATION, AVAILABLE -> ResearchStudyStatus.ACTIVE;
      case NOT_YET_RECRUITING -> ResearchStudyStatus.APPROVED;
      case ACTIVE_NOT_RECRUITING -> ResearchStudyStatus.CLOSEDTOACCRUAL;
      case COMPLETED -> ResearchStudyStatus.COMPLETED;
      case SUSPENDED, TEMPORARILY_NOT_AVAILABLE -> ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL;
      case TERMINATED -> ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED;
      case WITHDRAWN, WITHHELD -> ResearchStudyStatus.WITHDRAWN;
      case NO_LONGER_AVAILABLE, APPROVED_FOR_MARKETING -> ResearchStudyStatus.CLOSEDTOACCRUALANDINTERVENTION;
      case UNKNOWN -> ResearchStudyStatus.NULL;
    };
  }

  private static String phase(List<Design.Phase> phases) {
    if (phases.isEmpty()) return null;
    if (phases.contains(Design.Phase.PHASE1) && phases.contains(Design.Phase.PHASE2)) return "phase-1-phase-2";
    if (phases.contains(Design.Phase.PHASE2) && phases.contains(Design.Phase.PHASE3)) return "phase-2-phase-3";
    return switch (phases.get(0)) {
      case NA -> "n-a";
      case EARLY_PHASE1 -> "early-phase-1";
      case PHASE1 -> "phase-1";
      case PHASE2 -> "phase-2";
      case PHASE3 -> "phase-3";
      case PHASE4 -> "phase-4";
    };
  }
}
