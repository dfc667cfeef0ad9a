package org.eligo.core.evidence;

import java.util.List;
import java.util.Objects;

/**
 * One publication's evidence about a treatment: what was studied in whom, the outcomes per cohort, how long responses
 * lasted, and the trial registration it reports.
 *
 * @param id a stable identifier for the record (e.g. "bride-2016-blood-sirolimus-autoimmune-cytopenias")
 * @param citation the bibliographic reference
 * @param history the editorial dates
 * @param design how the study was run
 * @param population the patients treated
 * @param intervention the treatment
 * @param conditions the conditions the publication speaks to, at least one
 * @param outcomes cohort-level outcomes, at least one
 * @param followUps durations reported for groups of patients (may be empty)
 * @param registration the linked trial registration, or why there is none
 */
public record EvidenceRecord(String id, Citation citation, PublicationHistory history, StudyDesign design,
                             Population population, StudiedIntervention intervention, List<LinkedCondition> conditions,
                             List<CohortOutcome> outcomes, List<FollowUp> followUps, TrialRegistration registration) {

  public EvidenceRecord {
    CohortOutcome.requireText(id, "id");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(intervention, "intervention");
    Objects.requireNonNull(registration, "registration");
    conditions = List.copyOf(conditions);
    outcomes = List.copyOf(outcomes);
    followUps = List.copyOf(followUps);
    if (conditions.isEmpty()) throw new IllegalArgumentException("evidence " + id + " names no condition");
    if (outcomes.isEmpty()) throw new IllegalArgumentException("evidence " + id + " has no outcome");
  }

  /** True when the record speaks to the condition named {@code text} (by name or abbreviation, ignoring case). */
  public boolean concerns(String text) {
    return conditions.stream().anyMatch(c -> c.isNamed(text));
  }

  /** The NCT number of the linked trial, or null when none is established. */
  public String nctId() {
    return registration instanceof TrialRegistration.Registered r ? r.nctId() : null;
  }
}
