package org.eligo.search.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.eligo.ctgov.synthetic.SyntheticTrialGenerator;
import org.eligo.search.GeoFilter;
import org.eligo.search.LuceneTrialIndex;
import org.eligo.search.SortOrder;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialQuery;
import org.eligo.search.analysis.SynonymConcepts;
import org.eligo.search.analysis.TrialAnalyzers;
import org.eligo.search.analysis.TrialSynonyms;
import org.eligo.search.document.TrialFields;
import org.eligo.search.query.TrialQueryTranslator;

/**
 * Benchmark: indexes N synthetic trials on disk, then runs a mixed query set (free text with synonyms, filters,
 * facets, geo with distance sort, age), the same queries' main word as a bare Lucene {@link TermQuery}, and the same
 * Lucene query Eligo ranks with run by Lucene alone (its top 10), on the same index. Prints build time, index size, p50/p99 latency and single-thread throughput. Figures only; nothing is
 * asserted.
 *
 * <p>Run: {@code ./mvnw -q -B -pl search test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.eligo.search.bench.SearchBench -Dexec.args="50000 2000"} (trials, timed queries).
 */
public final class SearchBench {

  /** A benchmark query: the Eligo query and the single term a bare Lucene query looks up instead. */
  record BenchQuery(String name, TrialQuery query, String field, String term) {}

  public static void main(String[] args) throws IOException {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int timed = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    run(trials, timed, System.out);
  }

  public static void run(int trialCount, int timedQueries, PrintStream out) throws IOException {
    run(trialCount, timedQueries, 10, out);
  }

  /**
   * As {@link #run(int, int, PrintStream)}; each mixed-set measurement first warms up for at least
   * {@code warmUpSeconds}: right after the index is built the JIT is still compiling Lucene's search code, which on two
   * cores shows in the slowest percent of queries.
   */
  public static void run(int trialCount, int timedQueries, int warmUpSeconds, PrintStream out) throws IOException {
    Path dir = Files.createTempDirectory("eligo-search-bench");
    try {
      SyntheticTrialGenerator generator = new SyntheticTrialGenerator(42L);
      long start = System.nanoTime();
      try (LuceneTrialIndex index = LuceneTrialIndex.open(dir)) {
        Iterator<Trial> trials = IntStream.range(0, trialCount).mapToObj(generator::trial).iterator();
        index.rebuild(trials, "bench");
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "trials indexed      %,d in %.2f s (%,.0f trials/s)%n", index.count(), buildSeconds,
            trialCount / buildSeconds);
        out.printf(Locale.ROOT, "index size          %.1f MB%n", size(dir) / 1e6);

        List<BenchQuery> queries = queries();
        Stats eligo = measure(timedQueries, queries, q -> () -> index.search(q.query()).total(), warmUpSeconds);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(currentGeneration(dir)))) {
          IndexSearcher searcher = new IndexSearcher(reader);
          Stats bare = measure(timedQueries, queries, q -> () -> {
            try {
              return (long) searcher.search(new TermQuery(new Term(q.field(), q.term())), 10).scoreDocs.length;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }, warmUpSeconds);
          // The same Lucene query Eligo ranks with, run by Lucene alone: its top 10, without the exact count, the
          // facets, the snippets and the stored fields that Eligo adds.
          TrialSynonyms synonyms = TrialSynonyms.bundled();
          TrialQueryTranslator translator = new TrialQueryTranslator(
              TrialAnalyzers.query(new SynonymConcepts(synonyms).queryMap()), TrialAnalyzers.query(synonyms.map()));
          Stats sameQuery = measure(timedQueries, queries, q -> () -> {
            try {
              GeoPoint point = q.query().geo() == null ? null
                  : ((GeoFilter.Coordinates) q.query().geo().place()).point();
              return (long) searcher.search(translator.translate(q.query(), point), 10).scoreDocs.length;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }, warmUpSeconds);
          out.printf(Locale.ROOT, "%-22s %10s %10s %12s%n", "queries (mixed set)", "p50 ms", "p99 ms", "queries/s");
          out.printf(Locale.ROOT, "%-22s %10.3f %10.3f %12.0f%n", "Eligo search+facets", eligo.p50(), eligo.p99(),
              eligo.throughput());
          out.printf(Locale.ROOT, "%-22s %10.3f %10.3f %12.0f%n", "bare TermQuery", bare.p50(), bare.p99(),
              bare.throughput());
          out.printf(Locale.ROOT, "%-22s %10.3f %10.3f %12.0f%n", "bare same query top10", sameQuery.p50(),
              sameQuery.p99(), sameQuery.throughput());
          out.println("per query (Eligo, facets on / off; each kind alone, after its own warm-up):");
          for (BenchQuery q : queries) {
            int each = Math.max(5, timedQueries / queries.size());
            Stats with = measure(each, List.of(q), b -> () -> index.search(b.query()).total());
            TrialQuery noFacets = rebuildWithoutFacets(q.query());
            Stats without = measure(each, List.of(q), b -> () -> index.search(noFacets).total());
            out.printf(Locale.ROOT, "  %-20s p50 %8.3f ms / %8.3f ms, p99 %8.3f ms / %8.3f ms  (%,d hits)%n",
                q.name(), with.p50(), without.p50(), with.p99(), without.p99(), index.search(q.query()).total());
          }
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  static List<BenchQuery> queries() {
    TrialFilters recruiting = TrialFilters.NONE.withOverallStatus(Set.of(RecruitmentStatus.RECRUITING));
    return List.of(
        new BenchQuery("text", TrialQuery.text("aplastic anemia"), TrialFields.CONDITIONS, "aplastic"),
        new BenchQuery("synonym", TrialQuery.text("rapamycin for red cell aplasia"), TrialFields.INTERVENTIONS,
            "sirolimus"),
        new BenchQuery("abbreviation", TrialQuery.text("CsA refractory SAA"), TrialFields.INTERVENTIONS, "cyclosporine"),
        new BenchQuery("class", TrialQuery.text("TPO-RA ITP"), TrialFields.INTERVENTIONS, "eltrombopag"),
        new BenchQuery("cond+filter", TrialQuery.builder().condition("immune thrombocytopenia").filters(recruiting)
            .build(), TrialFields.CONDITIONS, "thrombocytopenia"),
        new BenchQuery("intr+age", TrialQuery.builder().intervention("eculizumab")
            .filters(TrialFilters.NONE.withAgeOpenTo(Period.ofYears(40))).build(), TrialFields.INTERVENTIONS,
            "eculizumab"),
        new BenchQuery("geo+distance", TrialQuery.builder().text("anemia").geo(GeoFilter.near(39.90, 116.40, 300))
            .sort(SortOrder.DISTANCE).build(), TrialFields.CONDITIONS, "anemia"),
        new BenchQuery("stale+update", TrialQuery.builder().term("diabetes AND metformin").sort(SortOrder.LAST_UPDATE)
            .asOf(LocalDate.of(2026, 1, 1)).build(), TrialFields.INTERVENTIONS, "metformin"),
        new BenchQuery("id", TrialQuery.text(SyntheticTrialGenerator.nctId(7)), TrialFields.NCT_ID,
            SyntheticTrialGenerator.nctId(7)));
  }

  /** Latency percentiles in milliseconds and queries per second over one thread. */
  record Stats(double p50, double p99, double throughput) {}

  interface Work {
    Supplier<Long> of(BenchQuery query);
  }

  static Stats measure(int timed, List<BenchQuery> queries, Work work) {
    return measure(timed, queries, work, 0);
  }

  /** After a warm-up of a fifth of {@code timed} queries, and at least {@code warmUpSeconds} (the JIT compiling). */
  static Stats measure(int timed, List<BenchQuery> queries, Work work, int warmUpSeconds) {
    long warm = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
    for (int i = 0; i < Math.max(10, timed / 5) || System.nanoTime() < warm; i++) {
      work.of(queries.get(i % queries.size())).get();
    }
    long[] nanos = new long[timed];
    long sink = 0;
    long all = System.nanoTime();
    for (int i = 0; i < timed; i++) {
      Supplier<Long> run = work.of(queries.get(i % queries.size()));
      long t = System.nanoTime();
      sink += run.get();
      nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - all) / 1e9;
    if (sink == Long.MIN_VALUE) System.out.print(""); // keeps the results alive
    Arrays.sort(nanos);
    return new Stats(nanos[(int) (timed * 0.50)] / 1e6, nanos[Math.min(timed - 1, (int) (timed * 0.99))] / 1e6,
        timed / seconds);
  }

  private static TrialQuery rebuildWithoutFacets(TrialQuery q) {
    return new TrialQuery(q.text(), q.condition(), q.intervention(), q.term(), q.locationText(), q.filters(), q.geo(),
        q.sort(), q.pageSize(), q.pageToken(), q.asOf(), 0);
  }

  private static Path currentGeneration(Path root) throws IOException {
    return root.resolve(Files.readString(root.resolve("CURRENT")).strip());
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

}
