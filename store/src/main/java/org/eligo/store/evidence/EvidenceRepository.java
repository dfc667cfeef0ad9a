package org.eligo.store.evidence;

import java.util.Collection;
import java.util.List;

/** Evidence documents and their links to studies. */
public interface EvidenceRepository {

  /** Stores (or replaces) the evidence {@code id}; its links become exactly {@code linkedTrialIds}. */
  StoredEvidence saveEvidence(String id, String json, Collection<String> linkedTrialIds);

  /** Evidence linked to the study, by id. */
  List<StoredEvidence> evidenceForTrial(String nctId);

  /** All evidence, by id. */
  List<StoredEvidence> allEvidence();
}
