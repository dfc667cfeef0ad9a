package org.eligo.store.evidence;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An evidence document and the studies it is linked to.
 *
 * @param id the evidence's own identifier
 * @param documentJson the evidence as JSON
 * @param linkedTrialIds NCT numbers, sorted
 * @param updatedAt when it was last saved
 */
public record StoredEvidence(String id, String documentJson, Set<String> linkedTrialIds, Instant updatedAt) {

  public StoredEvidence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(documentJson, "documentJson");
    Objects.requireNonNull(updatedAt, "updatedAt");
    linkedTrialIds = Collections.unmodifiableSortedSet(new TreeSet<>(linkedTrialIds));
  }
}
