package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code armsInterventionsModule}: the study's arms and what each receives. */
public record ArmsInterventions(List<ArmGroup> armGroups, List<Intervention> interventions) {

  public ArmsInterventions {
    armGroups = List.copyOf(armGroups);
    interventions = List.copyOf(interventions);
  }

  public record ArmGroup(String label, ArmGroupType type, String description, List<String> interventionNames) {
    public ArmGroup {
      interventionNames = List.copyOf(interventionNames);
    }
  }

  public enum ArmGroupType {
    EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR, NO_INTERVENTION, OTHER
  }

  /** A drug, procedure or other intervention, with the arms that receive it and its other names. */
  public record Intervention(
      InterventionType type, String name, String description, List<String> armGroupLabels, List<String> otherNames) {
    public Intervention {
      armGroupLabels = List.copyOf(armGroupLabels);
      otherNames = List.copyOf(otherNames);
    }
  }

  public enum InterventionType {
    BEHAVIORAL, BIOLOGICAL, COMBINATION_PRODUCT, DEVICE, DIAGNOSTIC_TEST, DIETARY_SUPPLEMENT, DRUG, GENETIC,
    PROCEDURE, RADIATION, OTHER
  }
}
