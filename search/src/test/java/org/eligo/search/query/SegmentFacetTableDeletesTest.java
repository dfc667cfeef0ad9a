package org.eligo.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.eligo.search.FacetDimension;
import org.eligo.search.SearchPage.FacetCount;
import org.junit.jupiter.api.Test;

/** Deleted documents never reach the bit-set counting, through collect, DocIdStream or collectRange. */
class SegmentFacetTableDeletesTest {

  private static final String STATUS = FacetDimension.OVERALL_STATUS.apiName();
  private static final String CONDITION = FacetDimension.CONDITION.apiName();
  static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

  @Test
  void deletedDocsAreNotCountedOnAnyPath() throws IOException {
    Random random = new Random(7);
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(STATUS, true);
    config.setMultiValued(CONDITION, true);
    List<List<String[]>> values = new ArrayList<>();
    int n = 20_000;
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory,
          new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE).setRAMBufferSizeMB(256))) {
        for (int i = 0; i < n; i++) {
          List<String[]> own = new ArrayList<>();
          own.add(new String[] {STATUS, List.of("RECRUITING", "COMPLETED", "WITHDRAWN").get(random.nextInt(3))});
          if (random.nextInt(3) == 0) own.add(new String[] {CONDITION, "c" + random.nextInt(300)});
          if (random.nextBoolean()) own.add(new String[] {CONDITION, "common" + random.nextInt(3)});
          values.add(own);
          Document doc = new Document();
          doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
          doc.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
          doc.add(new StringField("bucket", Integer.toString(i % 50), Field.Store.NO));
          doc.add(new IntPoint("n", i));
          for (String[] v : own) doc.add(new SortedSetDocValuesFacetField(v[0], v[1]));
          writer.addDocument(config.build(doc));
        }
        writer.commit();
        // scattered and contiguous deletes
        for (int i = 0; i < n; i += 3) writer.deleteDocuments(new Term("id", Integer.toString(i)));
        for (int i = 5_000; i < 9_000; i++) writer.deleteDocuments(new Term("id", Integer.toString(i)));
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(1);
        assertThat(reader.numDeletedDocs()).isPositive();
        Bits live = reader.leaves().get(0).reader().getLiveDocs();
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        var state = new DefaultSortedSetDocValuesReaderState(reader, config);
        List<Query> queries = List.of(new MatchAllDocsQuery(),
            new ConstantScoreQuery(IntPoint.newRangeQuery("n", 100, 15_000)),
            new ConstantScoreQuery(new BooleanQuery.Builder()
                .add(new TermQuery(new Term("bucket", "1")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("bucket", "2")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("parity", "even")), BooleanClause.Occur.SHOULD).build()),
            new ConstantScoreQuery(new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(IntPoint.newRangeQuery("n", 0, 18_000), BooleanClause.Occur.FILTER).build()),
            new TermQuery(new Term("bucket", "3")));
        for (Query q : queries) {
          Map<String, Long> expected = new TreeMap<>();
          long total = 0;
          for (int d = 0; d < n; d++) {
            if (!live.get(d) || !matches(q, d)) continue;
            total++;
            for (String[] v : values.get(d)) expected.merge(v[0] + "=" + v[1], 1L, Long::sum);
          }
          FacetCounting counting = new FacetCounting(state);
          FacetCounting.Counts counts = searcher.search(q, new Spying(counting));
          assertThat(counts.total()).as("total %s", q).isEqualTo(total);
          Map<String, Long> actual = new TreeMap<>();
          for (Map.Entry<FacetDimension, List<FacetCount>> e : counting.top(counts, 10_000).entrySet()) {
            for (FacetCount c : e.getValue()) actual.put(e.getKey().apiName() + "=" + c.value(), c.count());
          }
          assertThat(actual).as("counts %s", q).isEqualTo(expected);
        }
      }
    }
  }

  private static boolean matches(Query q, int d) {
    String s = q.toString();
    if (q instanceof MatchAllDocsQuery) return true;
    if (s.contains("parity")) return d % 50 == 1 || d % 50 == 2 || d % 2 == 0;
    if (s.contains("*:*")) return d <= 18_000;
    if (s.contains("n:")) return d >= 100 && d <= 15_000;
    return d % 50 == 3;
  }

  /** Forwards to FacetCounting, noting which collect methods Lucene called. */
  record Spying(FacetCounting inner) implements CollectorManager<Collector, FacetCounting.Counts> {
    @Override
    public Collector newCollector() {
      FacetCounting.Counter c = inner.newCollector();
      return new Collector() {
        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
          LeafCollector l = c.getLeafCollector(context);
          return new LeafCollector() {
            @Override public void setScorer(Scorable scorer) throws IOException { l.setScorer(scorer); }
            @Override public void collect(int doc) throws IOException { CALLED.add("collect(int)"); l.collect(doc); }
            @Override public void collect(DocIdStream s) throws IOException { CALLED.add("collect(DocIdStream)"); l.collect(s); }
            @Override public void collectRange(int a, int b) throws IOException { CALLED.add("collectRange"); l.collectRange(a, b); }
            @Override public void finish() throws IOException { l.finish(); }
          };
        }

        @Override
        public ScoreMode scoreMode() {
          return c.scoreMode();
        }

        FacetCounting.Counter unwrap() { return c; }
      };
    }

    @Override
    public FacetCounting.Counts reduce(Collection<Collector> collectors) throws IOException {
      List<FacetCounting.Counter> counters = new ArrayList<>();
      for (Collector c : collectors) {
        try {
          counters.add((FacetCounting.Counter) c.getClass().getDeclaredMethod("unwrap").invoke(c));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return inner.reduce(counters);
    }
  }
}
