package org.eligo.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.eligo.search.FacetDimension;
import org.eligo.search.SearchPage.FacetCount;

/**
 * Counts the matching trials and their facet values while the search collects them: each slice of segments counts
 * into its own array (no shared counters, no second pass over the query), counts are
 * gathered per segment ordinal and mapped to the index's global ordinals once per segment, and the slices' arrays are
 * added up at the end. The searcher runs the slices in parallel. In a large segment the matches are noted in a bit
 * set and counted when the segment is done, through its {@link SegmentFacetTable} when many match.
 */
final class FacetCounting implements CollectorManager<FacetCounting.Counter, FacetCounting.Counts> {

  private final SortedSetDocValuesReaderState state;
  private final OrdinalMap ordinals; // null: one segment, whose ordinals are the global ones

  FacetCounting(SortedSetDocValuesReaderState state) throws IOException {
    this.state = state;
    SortedSetDocValues all = state.getDocValues();
    this.ordinals = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
  }

  /** The number of matching trials and how many of them have each facet value (by global ordinal). */
  record Counts(long total, int[] byOrdinal) {}

  @Override
  public Counter newCollector() {
    return new Counter(new int[state.getSize()]);
  }

  @Override
  public Counts reduce(Collection<Counter> counters) {
    int[] sum = new int[state.getSize()];
    long total = 0;
    for (Counter counter : counters) {
      total += counter.hits;
      int[] counts = counter.counts;
      for (int i = 0; i < sum.length; i++) sum[i] += counts[i];
    }
    return new Counts(total, sum);
  }

  /** The top {@code limit} values of each dimension, most trials first (ties in label order). */
  Map<FacetDimension, List<FacetCount>> top(Counts counts, int limit) throws IOException {
    Map<FacetDimension, List<FacetCount>> facets = new EnumMap<>(FacetDimension.class);
    SortedSetDocValues labels = state.getDocValues();
    Map<String, SortedSetDocValuesReaderState.OrdRange> ranges = state.getPrefixToOrdRange();
    for (FacetDimension dimension : FacetDimension.values()) {
      SortedSetDocValuesReaderState.OrdRange range = ranges.get(dimension.apiName());
      if (range == null) continue;
      // the best `limit` values, kept in a heap whose head is the worst of them (a dimension may have thousands)
      Comparator<int[]> better = Comparator.<int[]>comparingInt(p -> -p[1]).thenComparingInt(p -> p[0]);
      java.util.PriorityQueue<int[]> best = new java.util.PriorityQueue<>(Math.max(1, limit), better.reversed());
      int[] byOrdinal = counts.byOrdinal();
      for (int ord = range.start(); ord <= range.end(); ord++) {
        int count = byOrdinal[ord];
        if (count == 0) continue;
        if (best.size() < limit) {
          best.add(new int[] {ord, count});
        } else if (count > best.peek()[1]) { // equal counts: the lower ordinal, already in, stays
          best.poll();
          best.add(new int[] {ord, count});
        }
      }
      List<int[]> present = new ArrayList<>(best);
      present.sort(better);
      List<FacetCount> values = new ArrayList<>();
      for (int[] p : present) {
        String[] path = FacetsConfig.stringToPath(labels.lookupOrd(p[0]).utf8ToString());
        values.add(new FacetCount(path[path.length - 1], p[1]));
      }
      if (!values.isEmpty()) facets.put(dimension, values);
    }
    return facets;
  }

  /** Counts one slice of segments. */
  final class Counter implements Collector {
    private final int[] counts;
    private long hits;

    Counter(int[] counts) {
      this.counts = counts;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues values = context.reader().getSortedSetDocValues(state.getField());
      if (values == null) {
        return new Counting() {
          @Override
          public void collect(int doc) {
            hits++;
          }
        };
      }
      int[] segmentCounts = new int[(int) values.getValueCount()];
      LongValues global = ordinals == null ? LongValues.IDENTITY : ordinals.getGlobalOrds(context.ord);
      SegmentFacetTable table = SegmentFacetTable.of(context.reader(), state.getField());
      if (table == null) {
        return new Counting() {
          @Override
          public void collect(int doc) throws IOException {
            hits++;
            if (values.advanceExact(doc)) {
              for (int i = values.docValueCount(); i > 0; i--) segmentCounts[(int) values.nextOrd()]++;
            }
          }

          @Override
          public void finish() {
            addToGlobal(segmentCounts, global);
          }
        };
      }
      // Large segments: note the matches, then count them all at once the cheaper way for how many there are.
      FixedBitSet matched = new FixedBitSet(context.reader().maxDoc());
      return new Counting() {
        private int segmentHits;

        @Override
        public void collect(int doc) {
          segmentHits++;
          matched.set(doc);
        }

        @Override
        public void collect(DocIdStream stream) throws IOException {
          stream.forEach(this::collect); // a disjunction hands its matches over in windows: no call per scorer
        }

        @Override
        public void collectRange(int min, int max) {
          segmentHits += max - min;
          matched.set(min, max);
        }

        @Override
        public void finish() throws IOException {
          hits += segmentHits;
          if (table.worthIt(segmentHits)) {
            table.count(matched, segmentCounts);
          } else {
            BitSetIterator each = new BitSetIterator(matched, segmentHits);
            for (int doc = each.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.nextDoc()) {
              if (values.advanceExact(doc)) {
                for (int i = values.docValueCount(); i > 0; i--) segmentCounts[(int) values.nextOrd()]++;
              }
            }
          }
          addToGlobal(segmentCounts, global);
        }
      };
    }

    private void addToGlobal(int[] segmentCounts, LongValues global) {
      for (int ord = 0; ord < segmentCounts.length; ord++) {
        if (segmentCounts[ord] != 0) counts[(int) global.get(ord)] += segmentCounts[ord];
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** A leaf collector that needs no scores. */
  private abstract static class Counting implements LeafCollector {
    @Override
    public void setScorer(Scorable scorer) {}
  }
}
