package org.eligo.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * One segment's facet values laid out for counting many matches at once. A value that at least one trial in
 * {@value #DENSE_SHARE} of the segment has (a status, a phase, a frequent country) is kept as the set of its trials,
 * so that its count in a large result is one intersection of two bit sets instead of one read per matching trial;
 * the other values stay listed per trial. Built once per segment on first use and dropped when the segment closes
 * (segments outlive the readers that refresh over them).
 *
 * <p>At 500,000 trials, a query matching a third of them spends about half its time reading each match's nine facet
 * values one by one (docs/benchmarks.md, "Search at 100,000 and 500,000 trials"); with the frequent values as bit sets
 * that part is a few hundred thousand word operations per query, independent of how many trials match.
 */
public final class SegmentFacetTable {

  /** A value is kept as a bit set when at least one trial in this many has it (bounds memory: see below). */
  static final int DENSE_SHARE = 32;

  /**
   * Below this many documents a segment is counted trial by trial: the bit sets would cost more than they save.
   * (Memory bound: each trial has a handful of values, so at most {@code DENSE_SHARE} times that many values can be
   * dense, each a bit per trial; about 40 bytes per trial for nine values.)
   */
  static final int MIN_DOCS = 4096;

  private static final Map<Key, SegmentFacetTable> CACHE = new ConcurrentHashMap<>();

  /** A table is of one facet field of one segment. */
  private record Key(IndexReader.CacheKey core, String field) {}

  private final int maxDoc;
  private final int[] denseOrdinals;
  private final FixedBitSet[] denseTrials;
  private final int[] sparseStart; // trial d's sparse values are sparseOrdinals[sparseStart[d] .. sparseStart[d + 1])
  private final int[] sparseOrdinals;

  private SegmentFacetTable(int maxDoc, int[] denseOrdinals, FixedBitSet[] denseTrials, int[] sparseStart,
      int[] sparseOrdinals) {
    this.maxDoc = maxDoc;
    this.denseOrdinals = denseOrdinals;
    this.denseTrials = denseTrials;
    this.sparseStart = sparseStart;
    this.sparseOrdinals = sparseOrdinals;
  }

  /**
   * The table of a segment's facet field, or null when the segment is too small to gain from one or cannot be cached
   * (then count trial by trial).
   */
  static SegmentFacetTable of(LeafReader segment, String field) {
    if (segment.maxDoc() < MIN_DOCS) return null;
    IndexReader.CacheHelper core = segment.getCoreCacheHelper();
    if (core == null) return null;
    return CACHE.computeIfAbsent(new Key(core.getKey(), field), key -> {
      SegmentFacetTable table;
      try {
        table = build(segment, field);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      core.addClosedListener(closed -> CACHE.keySet().removeIf(k -> k.core() == closed));
      return table;
    });
  }

  /**
   * Builds the table of a segment a merge has just written, before searches see it, so that the first search after
   * a large merge does not wait for it (about 0.2 s for a segment of 500,000 trials).
   */
  public static void warm(LeafReader segment) {
    of(segment, org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
  }

  /** How many segments hold a table now (for tests: tables go when their segments close). */
  static int cached() {
    return CACHE.size();
  }

  private static SegmentFacetTable build(LeafReader segment, String field) throws IOException {
    int maxDoc = segment.maxDoc();
    SortedSetDocValues values = segment.getSortedSetDocValues(field);
    if (values == null) return new SegmentFacetTable(maxDoc, new int[0], new FixedBitSet[0], null, new int[0]);
    int valueCount = Math.toIntExact(values.getValueCount());
    int[] trials = new int[valueCount];
    for (int doc = values.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
      for (int i = values.docValueCount(); i > 0; i--) trials[(int) values.nextOrd()]++;
    }
    int threshold = Math.max(1, maxDoc / DENSE_SHARE);
    int[] slot = new int[valueCount]; // the dense index of a value, or -1
    int dense = 0;
    long sparseTotal = 0;
    for (int ord = 0; ord < valueCount; ord++) {
      if (trials[ord] >= threshold) {
        slot[ord] = dense++;
      } else {
        slot[ord] = -1;
        sparseTotal += trials[ord];
      }
    }
    int[] denseOrdinals = new int[dense];
    FixedBitSet[] denseTrials = new FixedBitSet[dense];
    for (int ord = 0; ord < valueCount; ord++) {
      if (slot[ord] >= 0) {
        denseOrdinals[slot[ord]] = ord;
        denseTrials[slot[ord]] = new FixedBitSet(maxDoc);
      }
    }
    int[] sparseStart = new int[maxDoc + 1];
    int[] sparseOrdinals = new int[Math.toIntExact(sparseTotal)];
    int written = 0;
    values = segment.getSortedSetDocValues(field);
    int next = 0; // documents without values get an empty range
    for (int doc = values.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
      while (next <= doc) sparseStart[next++] = written;
      for (int i = values.docValueCount(); i > 0; i--) {
        int ord = (int) values.nextOrd();
        if (slot[ord] >= 0) {
          denseTrials[slot[ord]].set(doc);
        } else {
          sparseOrdinals[written++] = ord;
        }
      }
    }
    while (next <= maxDoc) sparseStart[next++] = written;
    return new SegmentFacetTable(maxDoc, denseOrdinals, denseTrials, sparseStart, sparseOrdinals);
  }

  /**
   * Whether counting {@code matches} trials of this segment through the bit sets is cheaper than reading each
   * match's values: an intersection costs a word per 64 trials of the segment for each dense value; reading a
   * match's values, scattered over a large segment, costs about as much as a hundred such words.
   */
  boolean worthIt(int matches) {
    return (long) matches * 128 >= (long) denseOrdinals.length * (maxDoc >>> 6);
  }

  /** Adds to {@code counts} (by segment ordinal) how many of the {@code matched} trials have each value. */
  void count(FixedBitSet matched, int[] counts) {
    for (int i = 0; i < denseOrdinals.length; i++) {
      counts[denseOrdinals[i]] += (int) FixedBitSet.intersectionCount(matched, denseTrials[i]);
    }
    int[] start = sparseStart;
    int[] ordinals = sparseOrdinals;
    BitSetIterator each = new BitSetIterator(matched, 0);
    for (int doc = each.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.nextDoc()) {
      for (int i = start[doc], end = start[doc + 1]; i < end; i++) counts[ordinals[i]]++;
    }
  }
}
