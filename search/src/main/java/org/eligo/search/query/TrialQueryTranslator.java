package org.eligo.search.query;

import static org.eligo.search.document.TrialFields.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialQuery;
import org.eligo.search.document.AgeBounds;
import org.eligo.search.document.TrialDocumentBuilder;
import org.eligo.search.document.TrialFields.Weighted;

/**
 * Translates a {@link TrialQuery} into one Lucene query: each text part a required clause, each filter a
 * non-scoring clause.
 *
 * <p>Free text, {@code query.cond} and {@code query.intr} are analysed whole (so multi-word synonyms apply) against
 * each of their weighted fields, words being alternatives; free text also looks the whole text and each word up as an
 * identifier, weighted {@value #ID_BOOST} times, so an NCT ID or org study ID comes first. {@code query.term} and
 * {@code query.locn} use the classic query syntax with AND between words.
 */
public final class TrialQueryTranslator {

  /** Weight of an exact identifier match relative to the text fields. */
  public static final float ID_BOOST = 50f;

  private final Analyzer analyzer;
  private final Analyzer phrases;

  /** Queries analysed by one analyser, quoted phrases too. */
  public TrialQueryTranslator(Analyzer queryAnalyzer) {
    this(queryAnalyzer, queryAnalyzer);
  }

  /**
   * Words analysed by {@code queryAnalyzer} (synonym entries become concept tokens), "quoted phrases" by
   * {@code phraseAnalyzer} (entries become their alternatives, matched as words in a row: a concept token has no
   * position among the words of a phrase).
   */
  public TrialQueryTranslator(Analyzer queryAnalyzer, Analyzer phraseAnalyzer) {
    this.analyzer = queryAnalyzer;
    this.phrases = phraseAnalyzer;
  }

  /**
   * The Lucene query for {@code query}, {@code point} being the resolved place of its geo filter (null without one).
   *
   * @throws IllegalArgumentException when {@code query.term} or {@code query.locn} is not valid query syntax
   */
  public Query translate(TrialQuery query, GeoPoint point) {
    return translate(query, point, false, java.util.List.of());
  }

  /**
   * As {@link #translate(TrialQuery, GeoPoint)}; {@code citiesInRange} are the cities (keys) whose sites lie within
   * the geo filter's radius, so that sites of theirs without coordinates count too. With {@code textIsAnIdentifier} the free text (or query.term) is
   * looked up as one identifier only, because the caller found that a trial has it as its NCT ID or an org or
   * secondary study ID: "PRCA-1" then finds that trial alone, not also every trial that mentions PRCA.
   */
  public Query translate(TrialQuery query, GeoPoint point, boolean textIsAnIdentifier,
                         java.util.Collection<String> citiesInRange) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean scored = false;
    if (textIsAnIdentifier) {
      String text = present(query.text()) ? query.text() : query.term();
      all.add(identifier(text), Occur.MUST);
      scored = true;
    } else if (present(query.text())) {
      all.add(freeText(query.text()), Occur.MUST);
      scored = true;
    }
    if (present(query.condition())) {
      all.add(anyWords(query.condition(), CONDITION_TEXT), Occur.MUST);
      scored = true;
    }
    if (present(query.intervention())) {
      all.add(anyWords(query.intervention(), INTERVENTION_TEXT), Occur.MUST);
      scored = true;
    }
    if (present(query.term()) && !(textIsAnIdentifier && !present(query.text()))) {
      // An NCT ID or org study ID given as query.term finds its trial too, first.
      BooleanQuery.Builder term = new BooleanQuery.Builder();
      term.add(syntax("query.term", query.term(), ALL_TEXT), Occur.SHOULD);
      term.add(identifiers(query.term()), Occur.SHOULD);
      all.add(term.build(), Occur.MUST);
      scored = true;
    }
    if (present(query.locationText())) {
      all.add(syntax("query.locn", query.locationText(), LOCATION_TEXT), Occur.MUST);
      scored = true;
    }
    if (!scored) all.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    addFilters(all, query.filters());
    if (query.geo() != null) {
      if (point == null) {
        // No site with coordinates is in that city: the trials with a site there all the same (no distance known).
        all.add(query.geo().place() instanceof org.eligo.search.GeoFilter.City city ? siteIn(city.name())
            : new BooleanQuery.Builder().build(), Occur.FILTER);
      } else {
        // A site with coordinates in range, or one without coordinates in a city whose other sites are in range.
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        near.add(LatLonPoint.newDistanceQuery(SITE_POINT, point.lat(), point.lon(), query.geo().radiusKm() * 1000),
            Occur.SHOULD);
        if (!citiesInRange.isEmpty()) {
          // one query for any number of cities (a clause each would hit Lucene's limit of 1,024 in a large registry)
          near.add(new org.apache.lucene.search.TermInSetQuery(SITE_CITY_UNPLACED, citiesInRange.stream()
              .map(org.apache.lucene.util.BytesRef::new).toList()), Occur.SHOULD);
        }
        all.add(near.build(), Occur.FILTER);
      }
    }
    return all.build();
  }

  /** The free-text clause: identifiers first, then every weighted field. */
  public Query freeText(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (!OPERATORS.matcher(text).find()) {
      any.add(identifiers(text), Occur.SHOULD);
      any.add(anyWords(text, ALL_TEXT), Occur.SHOULD);
      return any.build();
    }
    // With operators, an identifier after NOT (or -) excludes its trial; the others may find theirs.
    java.util.List<String> wanted = new java.util.ArrayList<>();
    String[] words = text.trim().split("[\\s,;()]+");
    for (int i = 0; i < words.length; i++) {
      String word = words[i].replace("\"", "");
      if (word.isEmpty() || word.equals("AND") || word.equals("OR") || word.equals("NOT")) continue;
      boolean negated = (i > 0 && words[i - 1].equals("NOT")) || word.startsWith("-");
      String id = TrialDocumentBuilder.normaliseId(word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word);
      if (negated) {
        any.add(new TermQuery(new Term(IDS, id)), Occur.MUST_NOT);
      } else {
        wanted.add(id);
      }
    }
    for (String id : wanted) any.add(new BoostQuery(new TermQuery(new Term(IDS, id)), ID_BOOST), Occur.SHOULD);
    any.add(withOperators(text, ALL_TEXT), Occur.SHOULD);
    return any.build();
  }

  /** AND, OR or NOT written in capitals between words, or a "quoted phrase": the searcher means them as operators. */
  private static final java.util.regex.Pattern OPERATORS =
      java.util.regex.Pattern.compile("(^|\\s)(AND|OR|NOT)(\\s|$)|\"[^\"]+\"");

  /**
   * Free text with operators: words stay alternatives unless joined by AND (or excluded by NOT), quotes make phrases;
   * text the query syntax cannot read is searched as plain words.
   */
  private Query withOperators(String text, List<Weighted> fields) {
    String[] names = fields.stream().map(Weighted::field).toArray(String[]::new);
    var boosts = new java.util.HashMap<String, Float>();
    fields.forEach(weighted -> boosts.put(weighted.field(), weighted.weight()));
    MultiFieldQueryParser parser = new PhraseAwareParser(names, boosts, analyzer, phrases);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    parser.setSplitOnWhitespace(false);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    // Field names (a colon), wildcards, fuzziness, boosts and ranges are not what a person typing means here.
    String plain = text.replaceAll("[:?*~^\\[\\]{}\\\\/!]", " ");
    Query parsed;
    try {
      parsed = parser.parse(plain);
    } catch (ParseException | RuntimeException e) {
      return anyWords(text, fields);
    }
    // Only exclusions ("NOT danazol"): everything else.
    if (parsed instanceof BooleanQuery b && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT)) {
      BooleanQuery.Builder rest = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
      b.clauses().forEach(rest::add);
      return rest.build();
    }
    return parsed;
  }

  /** Trials with a site (without coordinates) in a city of that name, in any country. */
  public static Query siteIn(String city) {
    Query named = new org.apache.lucene.search.PrefixQuery(new Term(SITE_CITY_UNPLACED,
        org.eligo.search.document.StoredSite.cityKey(city) + "|"));
    String place = CityGazetteer.placeKey(city);
    if (place == null) return named;
    // "Beijing, China": a site in that city of that country
    return new BooleanQuery.Builder().add(named, Occur.SHOULD)
        .add(new TermQuery(new Term(SITE_CITY_UNPLACED, place)), Occur.SHOULD).build();
  }

  /** The whole text as one identifier (NCT ID, org study ID, secondary ID). */
  public static Query identifier(String text) {
    return new TermQuery(new Term(IDS, TrialDocumentBuilder.normaliseId(text)));
  }

  /** The whole text and each of its words looked up as an identifier (NCT ID, org study ID, secondary ID). */
  private static Query identifiers(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(new BoostQuery(new TermQuery(new Term(IDS, TrialDocumentBuilder.normaliseId(text))), ID_BOOST), Occur.SHOULD);
    for (String word : text.trim().split("[\\s,;]+")) {
      if (!word.isEmpty() && !word.equalsIgnoreCase(text.trim())) {
        any.add(new BoostQuery(new TermQuery(new Term(IDS, TrialDocumentBuilder.normaliseId(word))), ID_BOOST),
            Occur.SHOULD);
      }
    }
    return any.build();
  }

  /** Words as alternatives in each field, fields added up by weight. */
  public Query anyWords(String text, List<Weighted> fields) {
    QueryBuilder builder = new SynonymAwareQueryBuilder(analyzer);
    builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Weighted weighted : fields) {
      Query perField = builder.createBooleanQuery(weighted.field(), text, Occur.SHOULD);
      if (perField != null) any.add(new BoostQuery(perField, weighted.weight()), Occur.SHOULD);
    }
    return any.build();
  }

  private Query syntax(String parameter, String text, List<Weighted> fields) {
    String[] names = fields.stream().map(Weighted::field).toArray(String[]::new);
    var boosts = new java.util.HashMap<String, Float>();
    fields.forEach(weighted -> boosts.put(weighted.field(), weighted.weight()));
    MultiFieldQueryParser parser = new PhraseAwareParser(names, boosts, analyzer, phrases);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    try {
      return parser.parse(text);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException(parameter + " is not valid query syntax: '" + text + "'. Words are all "
          + "required; OR, NOT, \"quoted phrases\", (brackets) and field:value are understood: check that brackets "
          + "and quotes are paired and that OR/NOT/AND stand between words.", e);
    }
  }

  private static void addFilters(BooleanQuery.Builder all, TrialFilters filters) {
    anyOf(all, STATUS, filters.overallStatus().stream().map(Enum::name).toList());
    anyOf(all, PHASE, filters.phases().stream().map(Enum::name).toList());
    anyOf(all, STUDY_TYPE, filters.studyTypes().stream().map(Enum::name).toList());
    anyOf(all, CONDITION, filters.conditions());
    anyOf(all, INTERVENTION, filters.interventions());
    anyOf(all, SPONSOR_CLASS, filters.sponsorClasses().stream().map(Enum::name).toList());
    anyOf(all, COUNTRY, filters.countries());
    sexes(all, filters.sexes());
    if (filters.healthyVolunteers() != null) {
      all.add(new TermQuery(new Term(HEALTHY_VOLUNTEERS, filters.healthyVolunteers().toString())), Occur.FILTER);
    }
    if (filters.ageOpenTo() != null) {
      int days = AgeBounds.days(filters.ageOpenTo());
      all.add(IntPoint.newRangeQuery(MIN_AGE_DAYS, Integer.MIN_VALUE, days), Occur.FILTER);
      all.add(IntPoint.newRangeQuery(MAX_AGE_DAYS, days, Integer.MAX_VALUE), Occur.FILTER);
    }
    if (filters.startFrom() != null || filters.startTo() != null) {
      long from = filters.startFrom() == null ? Long.MIN_VALUE : filters.startFrom().toEpochDay();
      long to = filters.startTo() == null ? Long.MAX_VALUE : filters.startTo().toEpochDay();
      all.add(LongPoint.newRangeQuery(START_DAY, from, to), Occur.FILTER);
    }
  }

  /**
   * Trials open to a person of the given sex: those for that sex, those for ALL, and those that do not say. Asking
   * for ALL itself finds the trials open to all.
   */
  private static void sexes(BooleanQuery.Builder all, Collection<org.eligo.core.trial.Eligibility.Sex> sexes) {
    if (sexes.isEmpty()) return;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    sexes.forEach(s -> any.add(new TermQuery(new Term(SEX, s.name())), Occur.SHOULD));
    if (sexes.stream().anyMatch(s -> s != org.eligo.core.trial.Eligibility.Sex.ALL)) {
      any.add(new TermQuery(new Term(SEX, org.eligo.core.trial.Eligibility.Sex.ALL.name())), Occur.SHOULD);
      BooleanQuery.Builder unsaid = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
      for (org.eligo.core.trial.Eligibility.Sex s : org.eligo.core.trial.Eligibility.Sex.values()) {
        unsaid.add(new TermQuery(new Term(SEX, s.name())), Occur.MUST_NOT);
      }
      any.add(unsaid.build(), Occur.SHOULD);
    }
    all.add(any.build(), Occur.FILTER);
  }

  private static void anyOf(BooleanQuery.Builder all, String field, Collection<String> values) {
    if (values.isEmpty()) return;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
    all.add(any.build(), Occur.FILTER);
  }

  /** The classic query syntax, quoted phrases analysed by the phrase analyser. */
  private static final class PhraseAwareParser extends MultiFieldQueryParser {
    private final Analyzer phrases;

    PhraseAwareParser(String[] fields, java.util.Map<String, Float> boosts, Analyzer words, Analyzer phrases) {
      super(fields, words, boosts);
      this.phrases = phrases;
    }

    @Override
    protected Query newFieldQuery(Analyzer words, String field, String text, boolean quoted) throws ParseException {
      return super.newFieldQuery(quoted ? phrases : words, field, text, quoted);
    }
  }

  /**
   * A query builder that scores a group of synonyms by its best-matching alternative (plus a little for the others)
   * instead of adding them up, so a trial that writes both "ITP" and "immune thrombocytopenia" does not count the
   * condition twice.
   */
  private static final class SynonymAwareQueryBuilder extends QueryBuilder {
    private static final float TIE_BREAKER = 0.1f;

    SynonymAwareQueryBuilder(Analyzer analyzer) {
      super(analyzer);
    }

    @Override
    protected Query newGraphSynonymQuery(Iterator<Query> alternatives) {
      List<Query> queries = new ArrayList<>();
      alternatives.forEachRemaining(queries::add);
      return queries.size() == 1 ? queries.getFirst() : new DisjunctionMaxQuery(queries, TIE_BREAKER);
    }
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
