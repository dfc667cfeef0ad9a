package org.eligo.registry.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eligo.core.match.CandidateList;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.trial.Trial;
import org.eligo.registry.TrialDocuments;
import org.eligo.registry.imports.ImportListener;
import org.eligo.store.trial.StoredStudy;
import org.eligo.store.trial.TrialRepository;

/**
 * Every trial with its compiled criteria, held in memory so that a match evaluates rules and never parses. Filled
 * on first use from the store; an import recompiles just the trials it changed.
 */
public final class CandidateCache implements ImportListener {
  private final TrialRepository trials;
  private final Function<Trial, MatchCandidate> compiler;
  /** By NCT ID, in NCT ID order: matching ranks ties by NCT ID and needs no sort for it. */
  private final Map<String, MatchCandidate> byId = new ConcurrentSkipListMap<>();
  private volatile boolean loaded;
  /** Bumped on every change; a snapshot older than it is rebuilt on the next read. */
  private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
  private volatile Snapshot snapshot;

  /** Every candidate, and the open ones, as ranked matching wants them; shared by all matches until a change. */
  private record Snapshot(long version, CandidateList all, CandidateList open) {}

  /** @param compiler a trial's candidate: its compiled criteria and the conditions it studies */
  public CandidateCache(TrialRepository trials, Function<Trial, MatchCandidate> compiler) {
    this.trials = trials;
    this.compiler = compiler;
  }

  /** Every trial in the registry with its criteria, in NCT ID order. */
  public Collection<MatchCandidate> all() {
    return snapshot().all().asList();
  }

  /** Every trial, ready for matching. */
  public CandidateList allForMatching() {
    return snapshot().all();
  }

  /** The trials open to enrolment, ready for matching. */
  public CandidateList openForMatching() {
    return snapshot().open();
  }

  private Snapshot snapshot() {
    ensureLoaded();
    Snapshot s = snapshot;
    long now = version.get();
    if (s == null || s.version() != now) {
      CandidateList all = CandidateList.of(byId.values());
      s = new Snapshot(now, all, all.filter(c -> c.trial().overallStatus().isOpenToEnrolment()));
      snapshot = s;
    }
    return s;
  }

  public Optional<MatchCandidate> get(String nctId) {
    ensureLoaded();
    return Optional.ofNullable(byId.get(nctId));
  }

  /** Forgets a trial's compiled criteria (e.g. after its rules were edited). */
  public void invalidate(String nctId) {
    if (!loaded) return;
    trials.find(nctId).map(TrialDocuments::toTrial).ifPresentOrElse(this::put, () -> {
      byId.remove(nctId);
      version.incrementAndGet();
    });
  }

  @Override
  public void changed(Collection<Trial> changed) {
    if (loaded) changed.forEach(this::put);
  }

  private void put(Trial trial) {
    byId.put(trial.nctId(), compiler.apply(trial));
    version.incrementAndGet();
  }

  /** Whether every trial's criteria have been compiled. */
  public boolean loaded() {
    return loaded;
  }

  private void ensureLoaded() {
    if (!loaded) load();
  }

  private synchronized void load() {
    if (loaded) return;
    List<Trial> batch = new ArrayList<>();
    try (Stream<StoredStudy> stored = trials.streamAll()) {
      stored.map(TrialDocuments::toTrial).forEach(batch::add);
    }
    batch.parallelStream().forEach(this::put);
    loaded = true;
  }
}
