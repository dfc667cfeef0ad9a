package org.eligo.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.eligo.search.FacetDimension;
import org.eligo.search.SearchPage.FacetCount;
import org.junit.jupiter.api.Test;

/**
 * Facet counts through the per-segment tables (frequent values as bit sets, rare ones listed per trial) equal a
 * brute-force count, for results of every size: a few trials of a large segment (counted trial by trial), most of
 * it (counted through the bit sets), and segments too small for a table.
 */
class SegmentFacetTableTest {

  private static final String STATUS = FacetDimension.OVERALL_STATUS.apiName(); // few values, each frequent
  private static final String CONDITION = FacetDimension.CONDITION.apiName(); // hundreds of values, most rare

  @Test
  void countsEqualBruteForceForSmallAndLargeResultsInLargeAndSmallSegments() throws IOException {
    Random random = new Random(20261205L);
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(STATUS, true);
    config.setMultiValued(CONDITION, true);
    List<List<String[]>> values = new ArrayList<>(); // per document: {dimension, value}
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        // one large segment (a table is built) and one small one (counted trial by trial)
        for (int size : new int[] {12_000, 1_500}) {
          for (int i = 0; i < size; i++) {
            List<String[]> own = randomValues(random);
            values.add(own);
            Document doc = new Document();
            doc.add(new StringField("bucket", Integer.toString(values.size() % 10_000), Field.Store.NO));
            for (String[] v : own) doc.add(new SortedSetDocValuesFacetField(v[0], v[1]));
            writer.addDocument(config.build(doc));
          }
          writer.flush();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(2);
        IndexSearcher searcher = new IndexSearcher(reader);
        var state = new DefaultSortedSetDocValuesReaderState(reader, config);
        for (int buckets : new int[] {1, 300, 4000}) { // 0.01% (trial by trial), 3% and 40% of the trials
          java.util.Set<Integer> chosen = new java.util.HashSet<>();
          for (int b = 0; b < buckets; b++) chosen.add(b);
          Query query = new TermInSetQuery("bucket", chosen.stream().map(b -> new BytesRef(b.toString())).toList());
          Map<String, Long> expected = new TreeMap<>();
          long total = 0;
          for (int doc = 0; doc < values.size(); doc++) {
            if (!chosen.contains((doc + 1) % 10_000)) continue;
            total++;
            for (String[] v : values.get(doc)) expected.merge(v[0] + "=" + v[1], 1L, Long::sum);
          }
          assertCounts(searcher, state, query, total, expected);
        }
        assertCounts(searcher, state, new MatchAllDocsQuery(), values.size(), bruteForceAll(values));
        assertThat(SegmentFacetTable.cached()).as("a table for the large segment").isPositive();
      }
    }
  }

  @Test
  void aSegmentsTableIsDroppedWhenTheSegmentCloses() throws IOException {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(STATUS, true);
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int i = 0; i < SegmentFacetTable.MIN_DOCS; i++) {
          Document doc = new Document();
          doc.add(new SortedSetDocValuesFacetField(STATUS, i % 2 == 0 ? "RECRUITING" : "COMPLETED"));
          writer.addDocument(config.build(doc));
        }
      }
      int before = SegmentFacetTable.cached();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        var state = new DefaultSortedSetDocValuesReaderState(reader, config);
        new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetCounting(state));
        assertThat(SegmentFacetTable.cached()).isEqualTo(before + 1);
      }
      assertThat(SegmentFacetTable.cached()).isEqualTo(before);
    }
  }

  private static void assertCounts(IndexSearcher searcher, DefaultSortedSetDocValuesReaderState state, Query query,
      long total, Map<String, Long> expected) throws IOException {
    FacetCounting counting = new FacetCounting(state);
    FacetCounting.Counts counts = searcher.search(query, counting);
    assertThat(counts.total()).as("total of %s", query).isEqualTo(total);
    Map<String, Long> actual = new TreeMap<>();
    for (Map.Entry<FacetDimension, List<FacetCount>> e : counting.top(counts, 10_000).entrySet()) {
      for (FacetCount c : e.getValue()) actual.put(e.getKey().apiName() + "=" + c.value(), c.count());
    }
    assertThat(actual).as("counts of %s", query).isEqualTo(expected);
  }

  private static Map<String, Long> bruteForceAll(List<List<String[]>> values) {
    Map<String, Long> all = new TreeMap<>();
    for (List<String[]> own : values) for (String[] v : own) all.merge(v[0] + "=" + v[1], 1L, Long::sum);
    return all;
  }

  /** A status for most trials, none for some; up to three conditions from a long tail (a few common, most rare). */
  private static List<String[]> randomValues(Random random) {
    List<String[]> own = new ArrayList<>();
    if (random.nextInt(10) != 0) own.add(new String[] {STATUS, List.of("RECRUITING", "COMPLETED", "WITHDRAWN")
        .get(random.nextInt(3))});
    for (int i = random.nextInt(4); i > 0; i--) {
      int condition = random.nextInt(3) == 0 ? random.nextInt(5) : 5 + random.nextInt(400);
      String[] v = {CONDITION, "condition " + condition};
      if (own.stream().noneMatch(o -> o[1].equals(v[1]))) own.add(v);
    }
    return own;
  }
}
