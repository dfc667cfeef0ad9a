package org.eligo.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.ctgov.synthetic.SyntheticTrialGenerator;

/** N synthetic trials (deterministic per seed), optionally with their compiled criteria. */
final class GeneratedRegistry {
  private GeneratedRegistry() {}

  static List<Trial> trials(int count, long seed) {
    SyntheticTrialGenerator generator = new SyntheticTrialGenerator(seed);
    List<Trial> trials = new ArrayList<>(count);
    for (int i = 0; i < count; i++) trials.add(generator.trial(i));
    return trials;
  }

  static List<MatchCandidate> candidates(List<Trial> trials, CriteriaCompiler compiler) {
    List<MatchCandidate> out = new ArrayList<>(trials.size());
    for (Trial t : trials) out.add(new MatchCandidate(t, compiler.compile(t)));
    return out;
  }
}
