package org.eligo.core.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eligo.core.trial.ArmsInterventions.ArmGroup;
import org.eligo.core.trial.ArmsInterventions.ArmGroupType;
import org.eligo.core.trial.ArmsInterventions.Intervention;
import org.eligo.core.trial.ArmsInterventions.InterventionType;
import org.junit.jupiter.api.Test;

/** An arm's "Type: Name" entries lead to the interventions, and so to their dosing text. */
class ArmsInterventionsTest {
  private final Intervention sirolimus = new Intervention(InterventionType.DRUG, "Sirolimus (Rapamune®)",
      "Sirolimus 1-3 mg once daily", List.of("Both"), List.of());
  private final Intervention supplement = new Intervention(InterventionType.DIETARY_SUPPLEMENT, "Vitamin D",
      "1000 IU daily", List.of(), List.of());
  private final Intervention biopsy = new Intervention(InterventionType.PROCEDURE, "Biopsy", null, List.of("Both"),
      List.of());
  private final ArmGroup both = new ArmGroup("Both", ArmGroupType.EXPERIMENTAL, null,
      List.of("Drug: Sirolimus (Rapamune®)", "Dietary Supplement: Vitamin D", "Other: Biopsy", "Drug: Unknown"));
  private final ArmsInterventions arms = new ArmsInterventions(List.of(both), List.of(sirolimus, supplement, biopsy));

  @Test
  void entriesFindTheirInterventionByTypeAndNameOrByTheArmsItLists() {
    assertThat(arms.interventionFor(both, "Drug: Sirolimus (Rapamune®)")).contains(sirolimus);
    assertThat(arms.interventionFor(both, "dietary supplement: vitamin d")).contains(supplement);
    assertThat(arms.interventionFor(both, "Other: Biopsy")).as("type differs, but the intervention names the arm")
        .contains(biopsy);
    assertThat(arms.interventionFor(both, "Drug: Unknown")).isEmpty();
    ArmGroup other = new ArmGroup("Other arm", null, null, List.of("Other: Biopsy"));
    assertThat(arms.interventionFor(other, "Other: Biopsy")).as("neither the type nor the arm agrees").isEmpty();
  }
}
