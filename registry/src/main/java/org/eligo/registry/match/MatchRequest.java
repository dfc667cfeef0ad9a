package org.eligo.registry.match;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A request to match one patient.
 *
 * @param bundleJson a FHIR R4 Bundle (JSON)
 * @param trialIds trials to evaluate whatever their status; empty for the registry's trials
 * @param all with no {@code trialIds}: every trial, not only those open to enrolment
 * @param asOf the date that counts as today for every time window
 */
public record MatchRequest(String bundleJson, List<String> trialIds, boolean all, LocalDate asOf) {
  public MatchRequest {
    Objects.requireNonNull(bundleJson, "bundleJson");
    Objects.requireNonNull(asOf, "asOf");
    trialIds = List.copyOf(trialIds);
  }
}
