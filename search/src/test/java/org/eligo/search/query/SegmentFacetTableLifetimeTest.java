package org.eligo.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.eligo.core.trial.Trial;
import org.eligo.search.LuceneTrialIndex;
import org.eligo.search.TrialQuery;
import org.eligo.search.kit.RandomTrials;
import org.junit.jupiter.api.Test;

class SegmentFacetTableLifetimeTest {

  @Test
  void tablesGoWithRebuildAndClose() {
    int before = SegmentFacetTable.cached();
    List<Trial> a = new RandomTrials(1L).generate(12_000);
    try (LuceneTrialIndex index = LuceneTrialIndex.inMemory()) {
      index.index(a);
      index.search(TrialQuery.builder().facetLimit(5).build());
      int afterFirst = SegmentFacetTable.cached();
      assertThat(afterFirst).isGreaterThan(before);
      index.rebuild(new RandomTrials(2L).generate(12_000).iterator(), "v2");
      index.search(TrialQuery.builder().facetLimit(5).build());
      assertThat(SegmentFacetTable.cached() - before).isLessThanOrEqualTo(afterFirst - before);
    }
    assertThat(SegmentFacetTable.cached()).isEqualTo(before);
  }

  /** Each facet field of a segment has its own table (the cache was once keyed by segment only). */
  @Test
  void twoFacetFieldsOfOneSegment() throws IOException {
    FacetsConfig config = new FacetsConfig();
    config.setIndexFieldName("sex", "$other");
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int i = 0; i < 5_000; i++) {
          Document doc = new Document();
          doc.add(new SortedSetDocValuesFacetField("overallStatus", i % 2 == 0 ? "RECRUITING" : "COMPLETED"));
          doc.add(new SortedSetDocValuesFacetField("sex", i % 3 == 0 ? "FEMALE" : "MALE"));
          writer.addDocument(config.build(doc));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        var main = new DefaultSortedSetDocValuesReaderState(reader, "$facets", config);
        var other = new DefaultSortedSetDocValuesReaderState(reader, "$other", config);
        FacetCounting first = new FacetCounting(main);
        var c1 = searcher.search(new MatchAllDocsQuery(), first);
        FacetCounting second = new FacetCounting(other);
        var c2 = searcher.search(new MatchAllDocsQuery(), second);
        assertThat(second.top(c2, 10).toString()).contains("value=FEMALE, count=1667").contains("value=MALE, count=3333");
      }
    }
  }
}
