package org.eligo.store.trial;

import java.time.Instant;
import java.util.List;
import org.eligo.core.trial.PartialDate;

/** A stored study's typed fields without its document: one row of a study list. */
public record TrialSummary(
    String nctId,
    String briefTitle,
    String overallStatus,
    PartialDate lastUpdatePostDate,
    PartialDate statusVerifiedDate,
    List<String> conditions,
    String origin,
    Instant updatedAt) {

  public TrialSummary {
    conditions = List.copyOf(conditions);
  }
}
