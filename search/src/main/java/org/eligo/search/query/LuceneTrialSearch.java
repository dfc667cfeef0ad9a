package org.eligo.search.query;

import static org.eligo.search.document.TrialFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.search.GeoFilter;
import org.eligo.search.SearchPage;
import org.eligo.search.SiteHit;
import org.eligo.search.SortOrder;
import org.eligo.search.TrialHit;
import org.eligo.search.TrialHit.Snippet;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialQuery;
import org.eligo.search.document.StoredSite;

/** Runs a {@link TrialQuery} on one point-in-time searcher: hits, exact total, facet counts, snippets, next token. */
public final class LuceneTrialSearch {

  /** Snippets per hit at most. */
  public static final int SNIPPETS_PER_HIT = 3;
  /** A status last verified longer ago than this before the as-of date is stale. */
  public static final int STALE_AFTER_YEARS = 2;

  private static final Set<String> HIT_FIELDS = Set.of(NCT_ID, TITLE, STATUS_VALUE, STATUS_VERIFIED, SITE);
  /** What is read of each hit's stored fields: what the hit shows and the text its snippets are cut from. */
  private static final Set<String> STORED_FOR_HIT = union(HIT_FIELDS, SNIPPET_FIELDS);
  /** Longest text highlighted per field value. */
  private static final int HIGHLIGHT_MAX_LENGTH = 20_000;
  /** Characters kept past that length, for a synonym entry's name that begins before it. */
  private static final int MENTION_ROOM = 300;

  private static Set<String> union(Set<String> a, java.util.Collection<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private final TrialQueryTranslator translator;
  private final Analyzer indexAnalyzer;

  public LuceneTrialSearch(TrialQueryTranslator translator, Analyzer indexAnalyzer) {
    this.translator = translator;
    this.indexAnalyzer = indexAnalyzer;
  }

  /**
   * "Did you mean …?": {@code text} with each word that finds no trial replaced by the closest word of the registry's
   * text ({@link SpellingSuggestions}); empty when every word finds something or nothing close is indexed.
   */
  public Optional<String> didYouMean(IndexSearcher searcher, String text) {
    return SpellingSuggestions.suggest(searcher.getIndexReader(), WORDS, text, word -> {
      try {
        return searcher.count(translator.translate(TrialQuery.builder().text(word).build(), null)) > 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static final Analyzer WORDS = org.eligo.search.analysis.TrialAnalyzers.index();

  public SearchPage search(IndexSearcher searcher, SearchContext context, TrialQuery query) {
    try {
      return searchOrThrow(searcher, context, query);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException("the search has too many words for one query (with their synonyms, more "
          + "than " + IndexSearcher.getMaxClauseCount() + " alternatives); shorten it", e);
    }
  }

  private SearchPage searchOrThrow(IndexSearcher searcher, SearchContext context, TrialQuery query) {
    GeoPoint point = resolve(query.geo(), context);
    java.util.List<String> cities = point == null ? java.util.List.of()
        : context.gazetteer().placesWithin(point, query.geo().radiusKm());
    boolean identifier = isAnIdentifier(searcher, query);
    Query ranking = translator.translate(indexSpelling(searcher, query), point, identifier, cities);
    Query matching = new org.apache.lucene.search.ConstantScoreQuery(ranking);
    Sort sort = sort(query.sort(), point);
    boolean byScore = sort.getSort()[0].getType() == SortField.Type.SCORE;
    PageTokens.Position position = PageTokens.decode(query);
    boolean wantFacets = context.facetState() != null && query.facetLimit() != 0;
    try {
      // One more than a page: whether it comes back tells if there is a next page.
      int wanted = query.pageSize() + 1;
      TopDocs found;
      FacetCounting facets = wantFacets ? new FacetCounting(context.facetState()) : null;
      FacetCounting.Counts counted = null;
      long total;
      // The page is found by a pass that only ranks (by relevance Lucene skips trials that cannot reach it; by date or
      // distance every match is still compared); which trials match is then counted in a second pass, facets
      // included, with no score, sort value or distance. Two passes cost less than one doing both (docs/benchmarks.md).
      var top = new TopFieldCollectorManager(sort, wanted, position.after(), wanted);
      found = searcher.search(byScore ? ranking : matching, top);
      if (wantFacets) {
        counted = searcher.search(matching, facets);
        total = counted.total();
      } else {
        total = searcher.count(matching);
      }
      boolean more = found.scoreDocs.length > query.pageSize();
      ScoreDoc[] page = more ? Arrays.copyOf(found.scoreDocs, query.pageSize()) : found.scoreDocs;
      TopDocs docs = new TopDocs(found.totalHits, page);
      // The gazetteer reads every stored site once per index version: only searches near a place need it.
      List<TrialHit> hits = hits(searcher, ranking, docs, query, point, point == null ? null : context.gazetteer());
      Optional<String> next = more
          ? Optional.of(PageTokens.encode(query, page[page.length - 1], position.shown() + page.length))
          : Optional.empty();
      return new SearchPage(total, hits, counted == null ? Map.of() : facets.top(counted, query.facetLimit()), next,
          position.shown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The query with its country, condition and intervention filters spelled as the index has them: the registry writes
   * "China" and "Aplastic Anemia", people type "china" and "aplastic anemia". A value found as given is kept; one that
   * is not is replaced by every indexed value equal to it ignoring case (the terms are read only then).
   */
  static TrialQuery indexSpelling(IndexSearcher searcher, TrialQuery query) {
    TrialFilters f = query.filters();
    if (f.countries().isEmpty() && f.conditions().isEmpty() && f.interventions().isEmpty()) return query;
    try {
      TrialFilters spelled = f.withCountries(spelled(searcher, COUNTRY, f.countries()))
          .withConditions(spelled(searcher, CONDITION, f.conditions()))
          .withInterventions(spelled(searcher, INTERVENTION, f.interventions()));
      return spelled.equals(f) ? query : new TrialQuery(query.text(), query.condition(), query.intervention(),
          query.term(), query.locationText(), spelled, query.geo(), query.sort(), query.pageSize(), query.pageToken(),
          query.asOf(), query.facetLimit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> spelled(IndexSearcher searcher, String field, Set<String> values) throws IOException {
    List<String> missing = new java.util.ArrayList<>();
    for (String v : values) if (searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term(field, v)) == 0) {
      missing.add(v.strip());
    }
    if (missing.isEmpty()) return values;
    Set<String> out = new java.util.LinkedHashSet<>(values);
    org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), field);
    if (terms == null) return values;
    org.apache.lucene.index.TermsEnum it = terms.iterator();
    for (org.apache.lucene.util.BytesRef t = it.next(); t != null; t = it.next()) {
      String term = t.utf8ToString();
      for (String m : missing) if (term.equalsIgnoreCase(m)) out.add(term);
    }
    return out;
  }

  /** Whether the query's only text (free text or query.term, not both) is exactly some trial's identifier. */
  private static boolean isAnIdentifier(IndexSearcher searcher, TrialQuery query) {
    boolean text = query.text() != null && !query.text().isBlank();
    boolean term = query.term() != null && !query.term().isBlank();
    if (text == term) return false;
    String words = text ? query.text() : query.term();
    // Only what looks like an identifier (letters and digits: NCT03364764, PRCA-1): a sponsor's study ID that is an
    // ordinary word ("ITP") must not hide every other trial that word finds.
    if (words.strip().contains(" ") || words.chars().noneMatch(Character::isDigit)) return false;
    try {
      return searcher.count(TrialQueryTranslator.identifier(words.strip())) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GeoPoint resolve(GeoFilter geo, SearchContext context) {
    if (geo == null) return null;
    return switch (geo.place()) {
      case GeoFilter.Coordinates coordinates -> coordinates.point();
      case GeoFilter.City city -> context.gazetteer().locate(city.name()).orElse(null);
    };
  }

  private static Sort sort(SortOrder order, GeoPoint point) {
    SortField byNctId = new SortField(NCT_ID_SORT, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byNctId);
      case DISTANCE -> point == null
          ? new Sort(SortField.FIELD_SCORE, byNctId) // unknown city: nothing matches anyway
          // by the nearest site that is itself recruiting (the distance each result shows); trials without one last
          : new Sort(LatLonDocValuesField.newDistanceSort(RECRUITING_SITE_POINT_DV, point.lat(), point.lon()),
              byNctId);
      case LAST_UPDATE -> {
        SortField byUpdate = new SortField(LAST_UPDATE_DAY, SortField.Type.LONG, true, Long.MIN_VALUE);
        yield new Sort(byUpdate, byNctId);
      }
    };
  }

  private List<TrialHit> hits(IndexSearcher searcher, Query lucene, TopDocs docs, TrialQuery query, GeoPoint point,
                              CityGazetteer places)
      throws IOException {
    // Each hit's stored fields are read (and decompressed) once, for the hit and for every field's snippets.
    var stored = searcher.storedFields();
    Map<Integer, Document> documents = new java.util.HashMap<>();
    for (ScoreDoc scoreDoc : docs.scoreDocs) documents.put(scoreDoc.doc, stored.document(scoreDoc.doc, STORED_FOR_HIT));
    Map<String, String[]> highlights = highlights(searcher, lucene, docs, documents);
    List<TrialHit> hits = new ArrayList<>(docs.scoreDocs.length);
    for (int i = 0; i < docs.scoreDocs.length; i++) {
      ScoreDoc scoreDoc = docs.scoreDocs[i];
      Document doc = documents.get(scoreDoc.doc);
      List<Snippet> snippets = new ArrayList<>();
      for (String field : SNIPPET_FIELDS) {
        String[] perDoc = highlights.get(field);
        if (perDoc != null && perDoc[i] != null && snippets.size() < SNIPPETS_PER_HIT) {
          snippets.add(new Snippet(field, perDoc[i]));
        }
      }
      String verified = doc.get(STATUS_VERIFIED);
      float score = query.sort() == SortOrder.RELEVANCE
          ? (Float) ((org.apache.lucene.search.FieldDoc) scoreDoc).fields[0] : Float.NaN;
      hits.add(new TrialHit(doc.get(NCT_ID), doc.get(TITLE), statusOf(doc), score, snippets,
          nearestRecruiting(doc.getValues(SITE), point, places), verified, stale(verified, query.asOf())));
    }
    return hits;
  }

  private static RecruitmentStatus statusOf(Document doc) {
    String status = doc.get(STATUS_VALUE);
    return status == null ? null : RecruitmentStatus.valueOf(status);
  }

  /**
   * Snippets per field, index for index with the page's hits. Fields are highlighted in order of preference, each
   * only for the hits that still lack {@link #SNIPPETS_PER_HIT} snippets, so a page whose titles and conditions
   * already match never highlights its long criteria texts.
   */
  private Map<String, String[]> highlights(IndexSearcher searcher, Query lucene, TopDocs docs,
                                          Map<Integer, Document> documents) throws IOException {
    int n = docs.scoreDocs.length;
    if (n == 0) return Map.of();
    UnifiedHighlighter highlighter = new ReadHitsHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", "… ", true))
        .withMaxNoHighlightPassages(0)
        .withWeightMatches(false)
        .withMaxLength(HIGHLIGHT_MAX_LENGTH + MENTION_ROOM), documents);
    Map<String, String[]> byField = new java.util.HashMap<>();
    int[] found = new int[n];
    for (String field : SNIPPET_FIELDS) {
      int[] wanting = java.util.stream.IntStream.range(0, n).filter(i -> found[i] < SNIPPETS_PER_HIT).toArray();
      if (wanting.length == 0) break;
      int[] docIds = Arrays.stream(wanting).map(i -> docs.scoreDocs[i].doc).toArray();
      String[] snippets = highlighter.highlightFields(new String[] {field}, lucene, docIds, new int[] {1}).get(field);
      String[] perHit = new String[n];
      for (int k = 0; k < wanting.length; k++) {
        if (snippets[k] == null) continue;
        perHit[wanting[k]] = snippets[k];
        found[wanting[k]]++;
      }
      byField.put(field, perHit);
    }
    return byField;
  }

  /** A highlighter that takes the text of the hits from the documents already read instead of reading them again. */
  private static final class ReadHitsHighlighter extends UnifiedHighlighter {
    private final Map<Integer, Document> documents;

    ReadHitsHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, Document> documents) {
      super(builder);
      this.documents = documents;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator docIter,
                                                   int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
           doc = docIter.nextDoc()) {
        Document read = documents.get(doc);
        CharSequence[] perField = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          // as Lucene's own loading does: several values joined by its separator, cut at the maximum length
          String joined = read == null ? "" : String.join(String.valueOf(MULTIVAL_SEP_CHAR), read.getValues(fields[f]));
          // (with room for a name that begins before the cut: its concept spans the whole name, and a match
          // running past the text would be dropped)
          int cut = HIGHLIGHT_MAX_LENGTH + MENTION_ROOM;
          perField[f] = joined.length() > cut ? joined.substring(0, cut) : joined;
        }
        values.add(perField);
      }
      return values;
    }
  }

  static Optional<SiteHit> nearestRecruiting(String[] storedSites, GeoPoint point, CityGazetteer places) {
    List<StoredSite> recruiting = new ArrayList<>();
    for (String value : storedSites) {
      StoredSite site = StoredSite.decode(value);
      if (site.recruiting()) recruiting.add(site);
    }
    if (recruiting.isEmpty()) return Optional.empty();
    if (point != null) {
      // A site without coordinates is placed where the registry's other sites in its city are.
      StoredSite nearest = null;
      double best = Double.POSITIVE_INFINITY;
      for (StoredSite site : recruiting) {
        GeoPoint at = site.point() != null ? site.point() : places.locate(site).orElse(null);
        if (at != null && at.distanceKm(point) < best) {
          best = at.distanceKm(point);
          nearest = site;
        }
      }
      if (nearest != null) return Optional.of(siteHit(nearest, OptionalDouble.of(best)));
    }
    return Optional.of(siteHit(recruiting.getFirst(), OptionalDouble.empty()));
  }

  private static SiteHit siteHit(StoredSite site, OptionalDouble distance) {
    return new SiteHit(site.facility(), site.city(), site.state(), site.country(), site.status(), site.point(),
        distance);
  }

  static boolean stale(String statusVerified, LocalDate asOf) {
    if (statusVerified == null || asOf == null) return false;
    return new PartialDate(statusVerified).lastDay().isBefore(asOf.minusYears(STALE_AFTER_YEARS));
  }
}
