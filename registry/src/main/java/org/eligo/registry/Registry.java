package org.eligo.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eligo.core.trial.Trial;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.imports.ImportReport;
import org.eligo.registry.imports.ImportService;
import java.time.LocalDate;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.match.TrialMatch;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.Coverage;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.eligo.search.LuceneTrialIndex;
import org.eligo.search.TrialSearcher;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;
import org.eligo.store.evidence.EvidenceRepository;
import org.eligo.store.evidence.JdbiEvidenceRepository;
import org.eligo.store.imports.ImportRunRepository;
import org.eligo.store.imports.JdbiImportRunRepository;
import org.eligo.store.rules.JdbiRuleSetRepository;
import org.eligo.store.rules.RuleSetRepository;
import org.eligo.store.trial.JdbiTrialRepository;
import org.eligo.store.trial.ListFilter;
import org.eligo.store.trial.StoredStudy;
import org.eligo.store.trial.TrialRepository;
import org.eligo.store.trial.TrialSummary;

/**
 * An open registry: the database, the import pipeline and the look-ups every front end needs. Opening one loads the
 * bundled registry the first time (and again when a new release bundles different data), so a fresh install works
 * with no set-up step.
 */
public final class Registry implements AutoCloseable {
  static final String BUNDLED_SOURCE = "bundled registry ";
  /** Changed trials handed to the listeners at a time after an import. */
  private static final int HAND_ON_BATCH = 1000;

  private final RegistryConfig config;
  private final Database database;
  private final TrialRepository trials;
  private final RuleSetRepository ruleSets;
  private final EvidenceRepository evidence;
  private final ImportRunRepository importRuns;
  private final ImportService importer;
  private final List<ImportListener> listeners = new ArrayList<>();
  private final LuceneTrialIndex index;
  private final SearchIndexSync indexSync;
  private final Eligibility eligibility;

  private Registry(RegistryConfig config, Database database) {
    this.config = config;
    this.database = database;
    this.trials = new JdbiTrialRepository(database);
    this.ruleSets = new JdbiRuleSetRepository(database);
    this.evidence = new JdbiEvidenceRepository(database);
    this.importRuns = new JdbiImportRunRepository(database);
    this.importer = new ImportService(trials, importRuns);
    this.index = LuceneTrialIndex.open(config.dataDir().resolve("index"));
    this.indexSync = new SearchIndexSync(index, trials, importRuns);
    listeners.add(indexSync);
    this.eligibility = new Eligibility(trials, ruleSets);
    listeners.add(eligibility);
  }

  /** Opens (creating and migrating as needed) the registry and loads the bundled trials on first start. */
  public static Registry open(RegistryConfig config) {
    DatabaseConfig db = config.jdbcUrl() == null ? DatabaseConfig.embedded(config.dataDir().resolve("registry"))
        : DatabaseConfig.postgres(config.jdbcUrl(), System.getenv());
    Database database = Database.open(db);
    Registry registry;
    try {
      registry = new Registry(config, database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    try {
      registry.loadBundledIfNew();
      registry.indexSync.ensureCurrent();
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  public RegistryConfig config() {
    return config;
  }

  public Database database() {
    return database;
  }

  public TrialRepository trials() {
    return trials;
  }

  public RuleSetRepository ruleSets() {
    return ruleSets;
  }

  public EvidenceRepository evidence() {
    return evidence;
  }

  public ImportRunRepository importRuns() {
    return importRuns;
  }

  /** Registers a listener told about every import (e.g. to keep a search index in step). */
  public void addImportListener(ImportListener listener) {
    listeners.add(listener);
  }

  /** Imports files, directories and ZIPs; {@code progress} hears about progress only. */
  public synchronized ImportReport importPaths(List<Path> inputs, ImportListener progress) {
    indexSync.importStarting();
    java.time.Instant started = trials.changesFrom(); // not the clock: it may step back
    ImportReport report;
    try {
      report = importer.importPaths(inputs, null, progress);
    } catch (RuntimeException | Error e) {
      // the batches stored before the failure are committed: the search index and the matcher take them in too
      // (an interrupted import too: reading them back must not run on an interrupted thread)
      boolean interrupted = Thread.interrupted();
      try {
        handOn(started, 0, ImportListener.NONE);
      } catch (RuntimeException | Error again) {
        e.addSuppressed(again);
      } finally {
        if (interrupted) Thread.currentThread().interrupt();
      }
      throw e;
    }
    long t0 = System.nanoTime();
    boolean changed = handOnChanges(report, started, progress);
    indexSync.importFinished();
    // the index's time includes its commit, which makes the new documents durable
    return changed ? report.withSearchIndexMillis(Math.max(1, (System.nanoTime() - t0) / 1_000_000)) : report;
  }

  /**
   * Hands the trials an import stored to the listeners (the search index, the matcher), read back from the store a
   * batch at a time, after the import: storing does not wait for indexing, and memory stays flat. False when the
   * import changed nothing.
   */
  private boolean handOnChanges(ImportReport report, java.time.Instant since, ImportListener progress) {
    long total = (long) report.inserted() + report.updated();
    if (total == 0) return false;
    handOn(since, total, progress);
    return true;
  }

  /** Hands the trials stored at or after {@code since} to the listeners; {@code total} is how many are expected. */
  private void handOn(java.time.Instant since, long total, ImportListener progress) {
    long done = 0;
    progress.indexing(0, total);
    try (java.util.stream.Stream<StoredStudy> changed = trials.streamUpdatedSince(since)) {
      java.util.Iterator<StoredStudy> it = changed.iterator();
      List<StoredStudy> batch = new ArrayList<>(HAND_ON_BATCH);
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() < HAND_ON_BATCH && it.hasNext()) continue;
        List<Trial> trialsChanged = batch.parallelStream().map(TrialDocuments::toTrial).toList();
        for (ImportListener l : listeners) l.changed(trialsChanged);
        progress.changed(trialsChanged);
        done += trialsChanged.size();
        progress.indexing(done, Math.max(done, total));
        batch.clear();
      }
    }
  }


  /** Full-text and faceted search over the registry, kept in step with every import. */
  public TrialSearcher search() {
    return index;
  }

  /** The trial's computable criteria (curated rules first, else parsed), or empty for an unknown trial. */
  public Optional<CriteriaSet> criteria(String nctId) {
    return eligibility.candidates().get(nctId).map(MatchCandidate::criteria);
  }

  /** Criteria coverage over every trial in the registry. */
  public Coverage coverage() {
    Coverage total = Coverage.NONE;
    for (MatchCandidate c : eligibility.candidates().all()) total = total.plus(Coverage.of(c.criteria()));
    return total;
  }

  /** Criteria coverage of the parser alone (curated rule sets ignored) over every trial in the registry. */
  public Coverage parserCoverage() {
    Coverage total = Coverage.NONE;
    for (MatchCandidate c : eligibility.candidates().all()) {
      var e = c.trial().eligibility();
      total = total.plus(Coverage.of(eligibility.compiler().parse(c.trial().nctId(),
          e == null ? null : e.eligibilityCriteria())));
    }
    return total;
  }

  /** Recompiles one trial's criteria after its rules were edited (e.g. a coordinator saved a curated rule set). */
  public void rulesChanged(String nctId) {
    eligibility.rulesChanged(nctId);
  }

  /** Whether a person curated the trial's rules. */
  public boolean isCurated(String nctId) {
    return eligibility.compiler().isCurated(nctId);
  }

  /** Matches a FHIR Bundle against the registry; nothing about the patient is kept. */
  public MatchReport match(MatchRequest request) {
    return eligibility.matcher().match(request);
  }

  /** Matches facts typed into a questionnaire. */
  public List<TrialMatch> match(PatientFacts facts, List<String> trialIds, boolean all, LocalDate asOf) {
    return eligibility.matcher().match(facts, trialIds, all, asOf);
  }

  private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> preparing =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * Starts compiling every trial's criteria and building the matcher on a background thread, once (again after a
   * failure), so that the first match does not wait for them (a server calls this on start, and {@code /ready} while
   * it is not ready); completes when matching is ready.
   */
  public java.util.concurrent.CompletableFuture<Void> prepareMatching() {
    var started = preparing.get();
    if (started != null && !started.isCompletedExceptionally()) return started;
    // never started, or it failed (say the store was unreachable): start (again)
    var created = new java.util.concurrent.CompletableFuture<Void>();
    if (!preparing.compareAndSet(started, created)) return preparing.get();
    Thread worker = new Thread(() -> {
      try {
        eligibility.prepare();
        created.complete(null);
      } catch (Throwable e) {
        created.completeExceptionally(e);
      }
    }, "eligo-prepare-matching");
    worker.setDaemon(true);
    worker.start();
    return created;
  }

  /** Whether the last preparation of matching failed (the next {@link #prepareMatching} starts it again). */
  public boolean matchingFailed() {
    var started = preparing.get();
    return started != null && started.isCompletedExceptionally();
  }

  /** Whether every trial's criteria are compiled and the matcher built: a match answers without waiting for them. */
  public boolean matchingReady() {
    return eligibility.prepared();
  }

  /** Every trial with its compiled criteria (loaded on first use). */
  public java.util.Collection<MatchCandidate> candidates() {
    return eligibility.candidates().all();
  }

  /** Rebuilds the search index from the store (e.g. after deleting it, or to apply new synonyms). */
  public synchronized void rebuildIndex() {
    indexSync.rebuild();
  }

  /** The typed trial, or empty when the registry does not hold it. */
  public Optional<Trial> trial(String nctId) {
    return trials.find(nctId).map(TrialDocuments::toTrial);
  }

  /** The stored API v2 document, verbatim. */
  public Optional<String> document(String nctId) {
    return trials.find(nctId).map(StoredStudy::documentJson);
  }

  public List<TrialSummary> list(ListFilter filter) {
    return trials.list(filter);
  }

  private void loadBundledIfNew() {
    String source = BUNDLED_SOURCE + BundledRegistry.fingerprint();
    boolean loaded = importRuns.importRuns(10_000).stream().anyMatch(r -> r.source().equals(source));
    if (loaded) return;
    indexSync.importStarting();
    java.time.Instant started = trials.changesFrom(); // not the clock: it may step back
    ImportReport report = importer.importRecords(BundledRegistry.studyRecords().iterator(), source,
        ImportListener.NONE);
    handOnChanges(report, started, ImportListener.NONE);
    BundledEvidence.load(evidence);
    indexSync.importFinished();
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      database.close();
    }
  }
}
