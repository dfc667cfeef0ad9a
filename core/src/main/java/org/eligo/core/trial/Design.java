package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code designModule}: study type, phases, allocation, masking and enrollment. */
public record Design(
    StudyType studyType,
    Boolean patientRegistry,
    String targetDuration,
    List<Phase> phases,
    DesignInfo designInfo,
    BioSpec bioSpec,
    EnrollmentInfo enrollmentInfo,
    ExpandedAccessTypes expandedAccessTypes) {

  public Design {
    phases = List.copyOf(phases);
  }

  public enum StudyType { EXPANDED_ACCESS, INTERVENTIONAL, OBSERVATIONAL }

  public enum Phase {
    NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4;

    /** "Phase 2" for {@code PHASE2}, "Early phase 1", "Not applicable". */
    public String label() {
      return switch (this) {
        case NA -> "Not applicable";
        case EARLY_PHASE1 -> "Early phase 1";
        default -> "Phase " + name().substring(5);
      };
    }
  }

  public record DesignInfo(
      Allocation allocation,
      InterventionModel interventionModel,
      String interventionModelDescription,
      PrimaryPurpose primaryPurpose,
      ObservationalModel observationalModel,
      TimePerspective timePerspective,
      MaskingInfo maskingInfo) {}

  public enum Allocation { RANDOMIZED, NON_RANDOMIZED, NA }

  public enum InterventionModel { SINGLE_GROUP, PARALLEL, CROSSOVER, FACTORIAL, SEQUENTIAL }

  public enum PrimaryPurpose {
    TREATMENT, PREVENTION, DIAGNOSTIC, ECT, SUPPORTIVE_CARE, SCREENING, HEALTH_SERVICES_RESEARCH, BASIC_SCIENCE,
    DEVICE_FEASIBILITY, OTHER
  }

  public enum ObservationalModel {
    COHORT, CASE_CONTROL, CASE_ONLY, CASE_CROSSOVER, ECOLOGIC_OR_COMMUNITY, FAMILY_BASED, DEFINED_POPULATION,
    NATURAL_HISTORY, OTHER
  }

  public enum TimePerspective { RETROSPECTIVE, PROSPECTIVE, CROSS_SECTIONAL, OTHER }

  public record MaskingInfo(Masking masking, String maskingDescription, List<WhoMasked> whoMasked) {
    public MaskingInfo {
      whoMasked = List.copyOf(whoMasked);
    }
  }

  public enum Masking { NONE, SINGLE, DOUBLE, TRIPLE, QUADRUPLE }

  public enum WhoMasked { PARTICIPANT, CARE_PROVIDER, INVESTIGATOR, OUTCOMES_ASSESSOR }

  public record BioSpec(BioSpecRetention retention, String description) {}

  public enum BioSpecRetention { NONE_RETAINED, SAMPLES_WITH_DNA, SAMPLES_WITHOUT_DNA }

  /** Participants planned ({@code ESTIMATED}) or enrolled ({@code ACTUAL}). */
  public record EnrollmentInfo(Integer count, EnrollmentType type) {}

  public enum EnrollmentType { ACTUAL, ESTIMATED }

  public record ExpandedAccessTypes(Boolean individual, Boolean intermediate, Boolean treatment) {}
}
