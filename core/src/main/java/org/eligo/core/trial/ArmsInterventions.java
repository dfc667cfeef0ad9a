package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code armsInterventionsModule}: the study's arms and what each receives. */
public record ArmsInterventions(List<ArmGroup> armGroups, List<Intervention> interventions) {

  public ArmsInterventions {
    armGroups = List.copyOf(armGroups);
    interventions = List.copyOf(interventions);
  }

  /**
   * The intervention an arm's entry names: the registry writes an arm's interventions as "Type: Name" (e.g.
   * "Drug: Sirolimus (Rapamune®)"), and an intervention lists the arms that receive it. Empty when none matches.
   */
  public java.util.Optional<Intervention> interventionFor(ArmGroup arm, String entry) {
    String wanted = entry.strip().toLowerCase(java.util.Locale.ROOT);
    for (Intervention i : interventions) {
      if (i.name() == null) continue;
      String name = i.name().strip().toLowerCase(java.util.Locale.ROOT);
      if (wanted.equals(name)) return java.util.Optional.of(i);
      if (!wanted.endsWith(": " + name)) continue;
      String type = wanted.substring(0, wanted.length() - name.length() - 2).replace(' ', '_').replace('-', '_');
      boolean sameType = i.type() != null && i.type().name().equalsIgnoreCase(type);
      if (sameType || i.armGroupLabels().contains(arm.label())) return java.util.Optional.of(i);
    }
    return java.util.Optional.empty();
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
