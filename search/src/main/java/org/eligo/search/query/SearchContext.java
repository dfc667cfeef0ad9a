package org.eligo.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;

/**
 * What a search needs per point-in-time reader and is costly to build: the facet ordinal state and the city
 * gazetteer (built on first use). Make one per reader and reuse it while that reader is current.
 */
public final class SearchContext {

  private final IndexReader reader;
  private final SortedSetDocValuesReaderState facetState;
  private volatile CityGazetteer gazetteer;

  public SearchContext(IndexReader reader, FacetsConfig config) {
    this.reader = reader;
    this.facetState = hasFacets(reader, config) ? facetState(reader, config) : null;
  }

  public IndexReader reader() {
    return reader;
  }

  /** The facet state, or null when no document has a facet value yet. */
  public SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  public CityGazetteer gazetteer() {
    CityGazetteer local = gazetteer;
    if (local == null) {
      synchronized (this) {
        if (gazetteer == null) gazetteer = CityGazetteer.of(reader);
        local = gazetteer;
      }
    }
    return local;
  }

  private static boolean hasFacets(IndexReader reader, FacetsConfig config) {
    FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    return info != null;
  }

  private static SortedSetDocValuesReaderState facetState(IndexReader reader, FacetsConfig config) {
    try {
      return new DefaultSortedSetDocValuesReaderState(reader, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
