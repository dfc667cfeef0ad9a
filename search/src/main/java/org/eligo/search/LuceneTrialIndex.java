package org.eligo.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.eligo.core.trial.Trial;
import org.eligo.search.analysis.ConceptKeys;
import org.eligo.search.analysis.SynonymConcepts;
import org.eligo.search.analysis.TrialAnalyzers;
import org.eligo.search.analysis.TrialSynonyms;
import org.eligo.search.document.TrialDocumentBuilder;
import org.eligo.search.document.TrialFields;
import org.eligo.search.query.LuceneTrialSearch;
import org.eligo.search.query.SearchContext;
import org.eligo.search.query.SegmentFacetTable;
import org.eligo.search.query.TrialQueryTranslator;
import org.eligo.search.related.RelatedTrialFinder;

/**
 * The Lucene index of trials, on disk or in memory: indexing by NCT ID, commits that record which store version they
 * reflect, rebuilds into a fresh directory swapped in whole, and search.
 *
 * <p>Only {@link #commit(String)} makes changes durable; closing does not commit, so after a crash (or a close without
 * commit) the index opens at its last commit with that commit's store version. Searches see indexed changes at once,
 * committed or not. All methods are thread-safe; writes are serialised.
 *
 * <p>On disk the directory given to {@link #open(Path)} holds one generation folder ({@code index-000001}, ...) named
 * by the file {@code CURRENT}; a rebuild writes the next generation, commits it, then replaces {@code CURRENT}
 * atomically and deletes the old one.
 */
public final class LuceneTrialIndex implements TrialSearcher, Closeable {

  /** The commit user-data key holding the store version. */
  public static final String STORE_VERSION_KEY = "eligo.storeVersion";
  private static final String CURRENT = "CURRENT";
  private static final String GENERATION_PREFIX = "index-";

  private final Path root; // null in memory
  private final Analyzer indexAnalyzer;
  private final FacetsConfig facetsConfig = TrialDocumentBuilder.facetsConfig();
  private final TrialDocumentBuilder documents;
  private final LuceneTrialSearch search;
  private final RelatedTrialFinder related;
  private final ReadWriteLock swapLock = new ReentrantReadWriteLock();
  private volatile Generation generation;
  private final String documentFormat;
  /** Set by writes, cleared by the next read's refresh: searchers reopen once per batch of writes, when read. */
  private volatile boolean unrefreshed;

  /** One directory with its writer and searchers. */
  private record Generation(String name, Directory directory, IndexWriter writer, SearcherManager searchers,
                            ContextCache contexts) {}

  private LuceneTrialIndex(Path root, TrialSynonyms synonyms) throws IOException {
    this.root = root;
    ConceptKeys concepts = new ConceptKeys(synonyms);
    SynonymConcepts synonymConcepts = new SynonymConcepts(synonyms);
    this.indexAnalyzer = TrialAnalyzers.indexWithConcepts(synonymConcepts);
    this.documentFormat = "documents-" + TrialDocumentBuilder.FORMAT + "-synonyms-" + synonyms.fingerprint();
    this.documents = new TrialDocumentBuilder(facetsConfig, concepts);
    this.search = new LuceneTrialSearch(new TrialQueryTranslator(TrialAnalyzers.query(synonymConcepts.queryMap()),
        TrialAnalyzers.query(synonyms.map())), indexAnalyzer);
    this.related = new RelatedTrialFinder(TrialAnalyzers.index(), concepts);
    this.generation = root == null ? openGeneration("memory", new ByteBuffersDirectory()) : openCurrent();
  }

  /**
   * How this index makes its documents: the document format and the synonym list (whose concepts are indexed). An
   * index built with another must be rebuilt.
   */
  public String documentFormat() {
    return documentFormat;
  }

  /** Opens (or creates) the index in {@code directory}, with the bundled synonyms. */
  public static LuceneTrialIndex open(Path directory) {
    return open(directory, TrialSynonyms.bundled());
  }

  public static LuceneTrialIndex open(Path directory, TrialSynonyms synonyms) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
      return new LuceneTrialIndex(directory, synonyms);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open trial index in " + directory, e);
    }
  }

  /** A new empty index in memory, with the bundled synonyms. */
  public static LuceneTrialIndex inMemory() {
    try {
      return new LuceneTrialIndex(null, TrialSynonyms.bundled());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds the trials, replacing any indexed trial with the same NCT ID. Visible to the next search (searchers reopen
   * lazily, once per batch of writes); not durable until {@link #commit}. A large batch is analysed on every core
   * (Lucene's writer takes documents from several threads at once); a trial listed twice keeps its last version.
   */
  public synchronized void index(Collection<Trial> trials) {
    Generation current = generation;
    Map<String, Trial> last = new LinkedHashMap<>();
    for (Trial trial : trials) last.put(trial.nctId(), trial);
    Stream<Trial> unique = last.values().stream();
    (last.size() >= PARALLEL_BATCH ? unique.parallel() : unique).forEach(trial -> {
      try {
        current.writer().updateDocument(new Term(TrialFields.NCT_ID, trial.nctId()), documents.build(trial));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    unrefreshed = true;
  }

  /** Batches at least this large are indexed on every core. */
  private static final int PARALLEL_BATCH = 64;

  /** Removes the trial with this NCT ID, if indexed. Not durable until {@link #commit}. */
  public synchronized void delete(String nctId) {
    Generation current = generation;
    try {
      current.writer().deleteDocuments(new Term(TrialFields.NCT_ID, nctId));
      unrefreshed = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes every change so far durable, recording that the index now reflects {@code storeVersion} of the store. */
  public synchronized void commit(String storeVersion) {
    Objects.requireNonNull(storeVersion, "storeVersion");
    try {
      commit(generation.writer(), storeVersion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void commit(IndexWriter writer, String storeVersion) throws IOException {
    writer.setLiveCommitData(Map.of(STORE_VERSION_KEY, storeVersion).entrySet());
    writer.commit();
  }

  /** The store version of the last commit; empty when nothing was ever committed. */
  public Optional<String> indexedVersion() {
    return read(current -> {
      try {
        return Optional.ofNullable(SegmentInfos.readLatestCommit(current.directory()).getUserData()
            .get(STORE_VERSION_KEY));
      } catch (IndexNotFoundException none) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Indexes {@code trials} into a fresh directory, commits it with {@code storeVersion}, then swaps it in for the
   * current one. Searches go on against the old index until the swap. If the rebuild fails, the old index stays.
   */
  public synchronized void rebuild(Iterator<Trial> trials, String storeVersion) {
    Objects.requireNonNull(storeVersion, "storeVersion");
    Generation fresh = null;
    try {
      fresh = root == null ? openGeneration("memory", new ByteBuffersDirectory()) : openNextGeneration();
      int batch = 0;
      while (trials.hasNext()) {
        Trial trial = trials.next();
        fresh.writer().updateDocument(new Term(TrialFields.NCT_ID, trial.nctId()), documents.build(trial));
        if (++batch % 10_000 == 0) fresh.writer().flush();
      }
      // The merges the batches' flushes started finish before the swap: the rebuilt index is then searched without
      // competing with them for the cores (at 500,000 trials they ran for seconds after the last trial was added).
      // The commit's own flush may start one more, not waited for: waiting for it too (flush, then sync) left larger
      // segments that searched slower in the one clean run measured (p99 21.9 against 13.7-18.5 ms; benchmarks.md).
      if (fresh.writer().getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) merges.sync();
      commit(fresh.writer(), storeVersion);
      fresh.searchers().maybeRefreshBlocking();
      if (root != null) pointCurrentAt(fresh.name());
    } catch (IOException | RuntimeException e) {
      if (fresh != null) discard(fresh);
      if (e instanceof IOException io) throw new UncheckedIOException("index rebuild failed; old index kept", io);
      throw (RuntimeException) e;
    }
    Generation old;
    swapLock.writeLock().lock();
    try {
      old = generation;
      generation = fresh;
    } finally {
      swapLock.writeLock().unlock();
    }
    discard(old);
  }

  /** How many trials are indexed (including changes not yet committed). */
  public int count() {
    return read(current -> {
      try {
        IndexSearcher searcher = current.searchers().acquire();
        try {
          return searcher.getIndexReader().numDocs();
        } finally {
          current.searchers().release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public SearchPage search(TrialQuery query) {
    return withSearcher((searcher, context) -> search.search(searcher, context, query));
  }

  @Override
  public java.util.Optional<org.eligo.core.trial.ContactsLocations.GeoPoint> locate(String place) {
    return withSearcher((searcher, context) -> context.gazetteer().locate(place));
  }

  @Override
  public boolean knowsPlace(String place) {
    return locate(place).isPresent() || withSearcher((searcher, context) ->
        searcher.count(org.eligo.search.query.TrialQueryTranslator.siteIn(place)) > 0);
  }

  @Override
  public java.util.Optional<String> didYouMean(String text) {
    return withSearcher((searcher, context) -> search.didYouMean(searcher, text));
  }

  @Override
  public List<RelatedTrial> relatedTo(String nctId, int n) {
    return withSearcher((searcher, context) -> related.find(searcher, nctId, n));
  }

  /** Closes without committing: changes since the last commit are lost, as after a crash. */
  @Override
  public synchronized void close() {
    swapLock.writeLock().lock();
    try {
      Generation current = generation;
      current.searchers().close();
      current.writer().rollback();
      current.directory().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      swapLock.writeLock().unlock();
    }
  }

  private interface SearchWork<T> {
    T run(IndexSearcher searcher, SearchContext context) throws IOException;
  }

  private <T> T withSearcher(SearchWork<T> work) {
    return read(current -> {
      try {
        IndexSearcher searcher = current.searchers().acquire();
        try {
          return work.run(searcher, current.contexts().of(searcher, facetsConfig));
        } finally {
          current.searchers().release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private <T> T read(Function<Generation, T> work) {
    swapLock.readLock().lock();
    try {
      if (unrefreshed) {
        unrefreshed = false;
        try {
          generation.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
          unrefreshed = true;
          throw new UncheckedIOException(e);
        }
      }
      return work.apply(generation);
    } finally {
      swapLock.readLock().unlock();
    }
  }

  /** The search context of the newest reader, rebuilt only when the reader changes. */
  private static final class ContextCache {
    private SearchContext cached;

    synchronized SearchContext of(IndexSearcher searcher, FacetsConfig config) {
      if (cached == null || cached.reader() != searcher.getIndexReader()) {
        cached = new SearchContext(searcher.getIndexReader(), config);
      }
      return cached;
    }
  }

  /**
   * Searches a query's slices of segments on every core at once (the calling thread takes part, so a busy pool never
   * blocks a search). 500,000 trials on 2 cores: median 29.5 -> 22.6 ms, drug-class queries 134 -> 82 ms
   * (docs/benchmarks.md).
   */
  private static final ExecutorService SEGMENT_SEARCH = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), new ThreadFactory() {
        private final AtomicInteger numbers = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
          Thread t = new Thread(work, "eligo-search-" + numbers.incrementAndGet());
          t.setDaemon(true);
          return t;
        }
      });

  private static final SearcherFactory PARALLEL_SEGMENTS = new SearcherFactory() {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
      return new IndexSearcher(reader, SEGMENT_SEARCH);
    }
  };

  private Generation openGeneration(String name, Directory directory) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(64)
        .setMergedSegmentWarmer(SegmentFacetTable::warm); // facet tables of a merged segment built before it is seen
    IndexWriter writer = new IndexWriter(directory, config);
    return new Generation(name, directory, writer, new SearcherManager(writer, PARALLEL_SEGMENTS), new ContextCache());
  }

  private Generation openCurrent() throws IOException {
    Path pointer = root.resolve(CURRENT);
    String name = Files.exists(pointer)
        ? Files.readString(pointer, StandardCharsets.UTF_8).strip()
        : GENERATION_PREFIX + "000001";
    if (!Files.exists(pointer)) pointCurrentAt(name);
    deleteGenerationsExcept(name); // leftovers of a rebuild that crashed before its swap
    return openGeneration(name, FSDirectory.open(root.resolve(name)));
  }

  private Generation openNextGeneration() throws IOException {
    int number = Integer.parseInt(generation.name().substring(GENERATION_PREFIX.length())) + 1;
    String name = GENERATION_PREFIX + String.format("%06d", number);
    deleteTree(root.resolve(name));
    return openGeneration(name, FSDirectory.open(root.resolve(name)));
  }

  private void pointCurrentAt(String name) throws IOException {
    Path temp = root.resolve(CURRENT + ".tmp");
    Files.writeString(temp, name + "\n", StandardCharsets.UTF_8);
    Files.move(temp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void discard(Generation old) {
    try {
      old.searchers().close();
      old.writer().rollback();
      old.directory().close();
      if (root != null && !old.name().equals(currentName())) deleteTree(root.resolve(old.name()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove old index generation " + old.name(), e);
    }
  }

  private String currentName() throws IOException {
    return Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
  }

  private void deleteGenerationsExcept(String keep) throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(GENERATION_PREFIX) && !name.equals(keep)) deleteTree(child);
      }
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) return;
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
