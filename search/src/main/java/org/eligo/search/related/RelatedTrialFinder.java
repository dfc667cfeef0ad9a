package org.eligo.search.related;

import static org.eligo.search.document.TrialFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.eligo.search.RelatedTrial;
import org.eligo.search.analysis.ConceptKeys;

/**
 * Finds trials related to a given one: each shared condition counts {@value #CONDITION_WEIGHT} and each shared
 * intervention {@value #INTERVENTION_WEIGHT} (synonyms are the same: "rapamycin" is sirolimus), and MoreLikeThis
 * similarity of titles, summaries, conditions and keywords adds at most 1 to break ties; each result has a reason a
 * person can read.
 */
public final class RelatedTrialFinder {

  public static final float CONDITION_WEIGHT = 3f;
  public static final float INTERVENTION_WEIGHT = 2f;
  /** How many candidates are re-ranked by shared concepts. */
  private static final int CANDIDATES = 100;
  private static final Set<String> DRUG_TYPES = Set.of("", "DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT",
      "DIETARY_SUPPLEMENT");
  private static final String[] SIMILARITY_FIELDS = {TITLE, OFFICIAL_TITLE, SUMMARY, CONDITIONS, KEYWORDS};

  private final Analyzer indexAnalyzer;
  private final ConceptKeys concepts;

  public RelatedTrialFinder(Analyzer indexAnalyzer, ConceptKeys concepts) {
    this.indexAnalyzer = indexAnalyzer;
    this.concepts = concepts;
  }

  public List<RelatedTrial> find(IndexSearcher searcher, String nctId, int n) {
    if (n < 1) throw new IllegalArgumentException("n must be at least 1: " + n);
    try {
      TopDocs self = searcher.search(new TermQuery(new Term(NCT_ID, nctId)), 1);
      if (self.scoreDocs.length == 0) return List.of();
      int docId = self.scoreDocs[0].doc;
      Concepts source = concepts(searcher.storedFields().document(docId));

      BooleanQuery.Builder query = new BooleanQuery.Builder();
      source.conditionKeys().forEach(key -> query.add(new BoostQuery(
          new ConstantScoreQuery(new TermQuery(new Term(CONDITION_KEY, key))), CONDITION_WEIGHT), Occur.SHOULD));
      source.interventionKeys().forEach(key -> query.add(new BoostQuery(
          new ConstantScoreQuery(new TermQuery(new Term(INTERVENTION_KEY, key))), INTERVENTION_WEIGHT), Occur.SHOULD));
      query.add(moreLikeThis(searcher, docId), Occur.SHOULD);
      query.add(new TermQuery(new Term(NCT_ID, nctId)), Occur.MUST_NOT);

      // Candidates by the combined query, then ranked by shared concepts first, text similarity (0..1) after.
      ScoreDoc[] candidates = searcher.search(query.build(), Math.max(CANDIDATES, n)).scoreDocs;
      float best = candidates.length == 0 ? 1f : candidates[0].score;
      List<RelatedTrial> related = new ArrayList<>();
      for (ScoreDoc hit : candidates) {
        Document doc = searcher.storedFields().document(hit.doc);
        Shared shared = shared(source, concepts(doc));
        float score = CONDITION_WEIGHT * (shared.conditions().size() + shared.topics().size())
            + INTERVENTION_WEIGHT * (shared.drugs().size() + shared.interventions().size())
            + hit.score / best;
        related.add(new RelatedTrial(doc.get(NCT_ID), doc.get(TITLE), score, shared.reason()));
      }
      related.sort(Comparator.comparing(RelatedTrial::score).reversed().thenComparing(RelatedTrial::nctId));
      if (related.size() > n) related = new ArrayList<>(related.subList(0, n));
      return related;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query moreLikeThis(IndexSearcher searcher, int docId) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(indexAnalyzer);
    mlt.setFieldNames(SIMILARITY_FIELDS);
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(25);
    mlt.setStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    mlt.setBoost(true);
    return mlt.like(docId);
  }

  /**
   * One concept of a trial: its key, the label to show, and the group it came from (one condition or intervention
   * entry of the record, which may stand for several concepts: "Severe Aplastic Anemia" is also aplastic anemia).
   */
  private record Concept(String key, String label, int group, int entry, boolean drug, boolean fromTitle) {
    Concept(String key, String label, int group, int entry, boolean drug) {
      this(key, label, group, entry, drug, false);
    }
  }

  /** A trial's conditions and interventions as concepts. */
  private record Concepts(List<Concept> conditions, List<Concept> interventions) {
    java.util.Set<String> conditionKeys() {
      return conditions.stream().map(Concept::key).collect(java.util.stream.Collectors.toSet());
    }

    java.util.Set<String> interventionKeys() {
      return interventions.stream().map(Concept::key).collect(java.util.stream.Collectors.toSet());
    }
  }

  /** The same keys as the index holds for the trial (TrialDocumentBuilder): see {@link ConceptKeys#named}. */
  private Concepts concepts(Document doc) {
    List<Concept> conditions = new ArrayList<>();
    int group = 0;
    for (String condition : doc.getValues(CONDITIONS)) {
      for (ConceptKeys.Named n : concepts.named(condition)) {
        conditions.add(new Concept(n.key(), label(n.words()), group, group, false));
      }
      group++;
    }
    List<Concept> interventions = new ArrayList<>();
    for (String entry : doc.getValues(INTERVENTION_ENTRY)) {
      String[] parts = entry.split("\t", 2);
      List<ConceptKeys.Named> named = concepts.named(parts[1]);
      for (int i = 0; i < named.size(); i++) {
        // each drug of a combination is a concept of its own (a group of its own), the whole entry one more
        interventions.add(new Concept(named.get(i).key(), label(named.get(i).words()), group + i, group,
            DRUG_TYPES.contains(parts[0])));
      }
      group += named.size();
    }
    boolean noConditions = doc.getValues(CONDITIONS).length == 0;
    boolean noInterventions = doc.getValues(INTERVENTION_ENTRY).length == 0;
    if (noConditions || noInterventions) {
      // What the title names stands for the missing list. With both lists missing, whether a name is a condition or
      // a drug is not known: it is a shared topic.
      boolean topic = noConditions && noInterventions;
      for (String key : concepts.mentionedIn(doc.get(TITLE))) {
        String label = label(concepts.label(key));
        if (noConditions) conditions.add(new Concept(key, label, group, group, false, topic));
        if (noInterventions) interventions.add(new Concept(key, label, group, group, true, topic));
        group++;
      }
    }
    return new Concepts(conditions, interventions);
  }

  /** What two trials share, by the source trial's labels. */
  private record Shared(List<String> conditions, List<String> drugs, List<String> interventions,
                        List<String> topics) {
    String reason() {
      List<String> parts = new ArrayList<>();
      if (!conditions.isEmpty()) parts.add("same condition: " + String.join(", ", conditions));
      if (!topics.isEmpty()) parts.add("both about: " + String.join(", ", topics));
      if (!drugs.isEmpty()) parts.add("same drug: " + String.join(", ", drugs));
      if (!interventions.isEmpty()) parts.add("same intervention: " + String.join(", ", interventions));
      if (parts.isEmpty()) parts.add("similar title and summary");
      String joined = String.join("; ", parts);
      return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }
  }

  /**
   * What two trials share, counted once per entry of the source trial (its most specific shared concept, labelled by
   * the words that name it) and never twice under one label.
   */
  private static Shared shared(Concepts source, Concepts other) {
    java.util.Set<String> otherConditions = other.conditionKeys();
    java.util.Set<String> otherInterventions = other.interventionKeys();
    java.util.Set<String> conditions = new java.util.LinkedHashSet<>();
    java.util.Set<Integer> counted = new java.util.HashSet<>();
    java.util.Set<String> keys = new java.util.HashSet<>(); // one concept named twice (name and other name) counts once
    java.util.Set<String> shownKeys = new java.util.HashSet<>(); // what the reason already names, by key
    for (Concept c : source.conditions()) {
      if (c.fromTitle()) continue;
      if (otherConditions.contains(c.key()) && !keys.contains(c.key()) && counted.add(c.group())) {
        keys.add(c.key());
        shownKeys.add(c.key());
        conditions.add(c.label());
      }
    }
    java.util.Set<String> drugs = new java.util.LinkedHashSet<>();
    java.util.Set<String> interventions = new java.util.LinkedHashSet<>();
    counted.clear();
    java.util.Set<Integer> wholeEntries = new java.util.HashSet<>();
    keys.clear();
    for (Concept c : source.interventions()) {
      if (c.fromTitle()) continue;
      if (!otherInterventions.contains(c.key()) || keys.contains(c.key()) || wholeEntries.contains(c.entry())
          || !counted.add(c.group())) {
        continue;
      }
      keys.add(c.key());
      shownKeys.add(c.key());
      if (c.group() == c.entry()) wholeEntries.add(c.entry()); // the whole entry is shared: not its parts again
      (c.drug() ? drugs : interventions).add(c.label());
    }
    interventions.removeAll(drugs);
    // What a record names only in its title (it lists no conditions or interventions) is a shared topic, named
    // once, by its most specific name ("severe aplastic anemia" says "aplastic anemia" and "anemia" already).
    List<String> topics = new ArrayList<>();
    for (Concept c : concat(source.conditions(), source.interventions())) {
      if (!c.fromTitle() || shownKeys.contains(c.key())) continue;
      if (!otherConditions.contains(c.key()) && !otherInterventions.contains(c.key())) continue;
      shownKeys.add(c.key());
      addMostSpecific(topics, c.label());
    }
    return new Shared(List.copyOf(conditions), List.copyOf(drugs), List.copyOf(interventions),
        List.copyOf(topics));
  }

  /** Adds {@code name} unless a listed name contains it; a listed name it contains gives way to it. */
  private static void addMostSpecific(List<String> names, String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (names.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(n))) return;
    names.removeIf(t -> n.contains(t.toLowerCase(java.util.Locale.ROOT)));
    names.add(name);
  }

  private static List<Concept> concat(List<Concept> a, List<Concept> b) {
    List<Concept> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** "Pure Red Cell Aplasia" to "pure red cell aplasia", keeping capital abbreviations ("ITP") and dropping "(PNH)". */
  static String label(String name) {
    String stripped = name.replaceAll("\\s*[(\\[][^)\\]]*[)\\]]\\s*$", "").replace("®", "").strip();
    if (stripped.isEmpty()) stripped = name.strip();
    StringBuilder out = new StringBuilder();
    for (String word : stripped.split(" ")) {
      if (!out.isEmpty()) out.append(' ');
      boolean abbreviation = word.length() > 1 && word.chars().filter(Character::isLetter)
          .allMatch(Character::isUpperCase);
      out.append(abbreviation ? word : word.toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }
}
