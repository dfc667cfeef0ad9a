package org.eligo.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;
import org.eligo.registry.Registry;
import org.eligo.search.RelatedTrial;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.NctIds;
import org.eligo.store.evidence.StoredEvidence;

/** The registry look-ups pages and API share, with a 400 for a malformed NCT ID and a 404 for an unknown one. */
public final class TrialLookup {
  private final Registry registry;

  public TrialLookup(Registry registry) {
    this.registry = registry;
  }

  public Registry registry() {
    return registry;
  }

  public Trial trial(String rawId) {
    String id = NctIds.require(rawId);
    return registry.trial(id).orElseThrow(() -> unknown(id));
  }

  public String document(String rawId) {
    String id = NctIds.require(rawId);
    return registry.document(id).orElseThrow(() -> unknown(id));
  }

  /** The trial's criteria; empty when its criteria cannot be compiled (the trial itself exists). */
  public Optional<CriteriaSet> criteria(Trial trial) {
    return registry.criteria(trial.nctId());
  }

  public List<RelatedTrial> related(Trial trial, int n) {
    return registry.search().relatedTo(trial.nctId(), n);
  }

  /** Evidence reporting this trial first, then evidence about the same treatment. */
  public List<EvidenceSummary> evidence(Trial trial) {
    List<EvidenceSummary> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (StoredEvidence e : registry.evidence().evidenceForTrial(trial.nctId())) {
      out.add(EvidenceSummary.of(e, true));
      seen.add(e.id());
    }
    for (StoredEvidence e : registry.evidence().allEvidence()) {
      if (seen.contains(e.id())) continue;
      if (EvidenceSummary.sameTreatment(EvidenceSummary.read(e.documentJson()), trial)) {
        out.add(EvidenceSummary.of(e, false));
      }
    }
    return out;
  }

  private static ApiProblem unknown(String id) {
    return ApiProblem.notFound("The registry holds no trial " + id + ".");
  }
}
