package org.eligo.registry;

import java.util.Collection;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.rule.ConceptSet;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.match.CandidateCache;
import org.eligo.registry.match.MatchService;
import org.eligo.store.rules.RuleSetOrigin;
import org.eligo.store.rules.RuleSetRepository;
import org.eligo.store.trial.TrialRepository;

/**
 * The registry's eligibility machinery, built on first use (loading terminology and compiling every trial's
 * criteria takes a moment that listing trials should not pay): the criteria compiler, the compiled-candidate cache
 * and the matcher. Rules a person saved in the store (curated) take precedence over bundled curated rules and the
 * parser.
 */
final class Eligibility implements ImportListener {
  private final TrialRepository trials;
  private final RuleSetRepository ruleSets;
  private volatile CriteriaCompiler compiler;
  private volatile CandidateCache candidates;
  private volatile MatchService matcher;

  Eligibility(TrialRepository trials, RuleSetRepository ruleSets) {
    this.trials = trials;
    this.ruleSets = ruleSets;
  }

  synchronized CriteriaCompiler compiler() {
    if (compiler == null) compiler = CriteriaCompiler.standard();
    return compiler;
  }

  synchronized CandidateCache candidates() {
    if (candidates == null) candidates = new CandidateCache(trials, this::candidate);
    return candidates;
  }

  synchronized MatchService matcher() {
    if (matcher == null) matcher = new MatchService(candidates(), new HapiPatientReader(TerminologyAdapter.bundled()));
    return matcher;
  }

  /** Builds the matcher and compiles every trial's criteria, so that no match waits for them. */
  void prepare() {
    matcher();
    candidates().allForMatching();
  }

  /** Whether {@link #prepare} has been done (by it or by a first match). */
  boolean prepared() {
    CandidateCache cache = candidates;
    return matcher != null && cache != null && cache.loaded();
  }

  private MatchCandidate candidate(Trial trial) {
    return new MatchCandidate(trial, compile(trial), ConceptSet.copyOf(compiler().studiedConditions(trial)));
  }

  private CriteriaSet compile(Trial trial) {
    var saved = ruleSets.findRuleSet(trial.nctId(), RuleSetOrigin.CURATED);
    if (saved.isPresent()) {
      return RuleSetJson.checkedAgainst(compiler().lexicon()).readValid(saved.get().documentJson(), "store " + trial.nctId()).criteria();
    }
    return compiler().compile(trial);
  }

  /** Recompiles a trial whose rules changed; nothing to do before the cache is first filled. */
  void rulesChanged(String nctId) {
    CandidateCache cache = candidates;
    if (cache != null) cache.invalidate(nctId);
  }

  @Override
  public void changed(Collection<Trial> changed) {
    CandidateCache cache = candidates;
    if (cache != null) cache.changed(changed);
  }
}
