package org.eligo.search.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The synonym list turned into concepts, so that synonyms are resolved once when a trial is indexed instead of on
 * every query.
 *
 * <p>Each entry a query may write stands for the set of entries it finds (its rule's right-hand side, merged over
 * every line it appears on); entries finding the same set share one concept. A query names the concept by one token
 * ({@link #queryMap}: "ITP" becomes {@code ≡itp≡}); indexed text gets that token wherever it names any entry of the
 * set ({@link #conceptsOf}: "immune thrombocytopenia" in a title is indexed with {@code ≡itp≡} beside its words, and
 * "eltrombopag" with the concepts of eltrombopag and of the TPO-RA class). A search for a drug class or a disease with
 * five names is then one term per field, where it was a dozen alternatives, several of them phrases.
 */
public final class SynonymConcepts {

  /** Marks a concept token at both ends: the tokenizer never makes a word containing it, and stemming leaves it. */
  public static final char MARK = '≡';

  private final SynonymMap queryMap;
  private final Map<String, List<String>> byMention;
  private final Map<String, List<String>> byCapitalMention;
  private final Set<String> beginnings;
  /** The first word of every mention, looked up without making a string of each indexed word. */
  private final org.apache.lucene.analysis.CharArraySet firstWords;

  public SynonymConcepts(TrialSynonyms synonyms) {
    Analyzer indexWords = TrialAnalyzers.index();
    QueryEntries entries = new QueryEntries(TrialAnalyzers.synonymEntries());
    // What each query entry (as the query analyser sees it) finds, merged over all the lines it is on.
    Map<String, CharsRef> inputs = new LinkedHashMap<>();
    Map<String, Set<String>> finds = new LinkedHashMap<>();
    Map<String, String> firstWritten = new HashMap<>();
    // An entry on the right of a one-way rule brings its equivalents: a class finds each member by all its names.
    Map<String, List<String>> equivalents = new HashMap<>();
    for (TrialSynonyms.Rule rule : synonyms.rules()) {
      if (!rule.oneWay()) rule.from().forEach(entry -> equivalents.merge(entry, rule.from(), SynonymConcepts::both));
    }
    Set<String> capitalOnly = new java.util.HashSet<>();
    for (TrialSynonyms.Rule rule : synonyms.rules()) {
      for (String from : rule.from()) {
        CharsRef input = entries.analyze(from);
        String key = input.toString();
        inputs.putIfAbsent(key, input);
        firstWritten.putIfAbsent(key, rule.from().getFirst());
        Set<String> found = finds.computeIfAbsent(key, k -> new TreeSet<>());
        for (String to : rule.to()) {
          for (String entry : rule.oneWay() ? equivalents.getOrDefault(to, List.of(to)) : List.of(to)) {
            String words = TrialAnalyzers.words(indexWords, entry);
            if (words.isEmpty()) continue;
            found.add(words);
            if (CapitalAbbreviationFilter.isCapitalAbbreviation(entry)) capitalOnly.add(words);
          }
        }
      }
    }
    // A word given both in capitals and in lower case ("ITP, itp") is found in either case.
    for (Set<String> found : finds.values()) {
      for (String words : found) {
        if (capitalOnly.contains(words) && writtenInLowerCase(synonyms, indexWords, words)) capitalOnly.remove(words);
      }
    }
    // One concept per distinct set of entries found.
    Map<Set<String>, String> conceptOf = new HashMap<>();
    Set<String> tokens = new java.util.HashSet<>();
    Map<String, List<String>> mentions = new HashMap<>();
    Map<String, List<String>> capitalMentions = new HashMap<>();
    for (var entry : finds.entrySet()) {
      Set<String> found = entry.getValue();
      if (found.isEmpty()) continue;
      String token = conceptOf.get(found);
      if (token == null) {
        String name = TrialAnalyzers.words(indexWords, firstWritten.get(entry.getKey())).replace(' ', '_');
        token = MARK + name + MARK;
        for (int n = 2; !tokens.add(token); n++) token = MARK + name + "_" + n + MARK;
        conceptOf.put(found, token);
        for (String words : found) {
          (capitalOnly.contains(words) ? capitalMentions : mentions)
              .computeIfAbsent(words, w -> new ArrayList<>()).add(token);
        }
      }
      entries.add(inputs.get(entry.getKey()), new CharsRef(token), false);
    }
    try {
      this.queryMap = entries.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.byMention = frozen(mentions);
    this.byCapitalMention = frozen(capitalMentions);
    Set<String> starts = new java.util.HashSet<>(); // entries of one word are never capital-only ones of several
    for (String words : byMention.keySet()) {
      for (int space = words.indexOf(' '); space > 0; space = words.indexOf(' ', space + 1)) {
        starts.add(words.substring(0, space));
      }
    }
    this.beginnings = Set.copyOf(starts);
    this.firstWords = new org.apache.lucene.analysis.CharArraySet(byMention.size() + byCapitalMention.size(), false);
    for (Map<String, List<String>> map : List.of(byMention, byCapitalMention)) {
      map.keySet().forEach(words -> firstWords.add(words.split(" ")[0]));
    }
  }

  /** Whether a mention may begin with this word (most words: no, and nothing more is looked up for them). */
  public boolean mayBeginAMention(char[] buffer, int length) {
    return firstWords.contains(buffer, 0, length);
  }

  private static Map<String, List<String>> frozen(Map<String, List<String>> mentions) {
    Map<String, List<String>> frozen = new HashMap<>();
    mentions.forEach((words, concepts) -> frozen.put(words, List.copyOf(new LinkedHashSet<>(concepts))));
    return Map.copyOf(frozen);
  }

  private static List<String> both(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(entry -> !all.contains(entry)).forEach(all::add);
    return all;
  }

  /** Whether some entry of the file gives these words other than as a short capital abbreviation. */
  private static boolean writtenInLowerCase(TrialSynonyms synonyms, Analyzer indexWords, String words) {
    for (TrialSynonyms.Rule rule : synonyms.rules()) {
      for (String entry : rule.to()) {
        if (!CapitalAbbreviationFilter.isCapitalAbbreviation(entry)
            && TrialAnalyzers.words(indexWords, entry).equals(words)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The query-time map: each entry a query may write, to its one concept token. */
  public SynonymMap queryMap() {
    return queryMap;
  }

  /**
   * The concept tokens of indexed words (analysed as indexed, joined by one space); none for most words. A word the
   * synonym list gives only as a short capital abbreviation ("ES") counts only when {@code writtenInCapitals}.
   */
  public List<String> conceptsOf(String words, boolean writtenInCapitals) {
    List<String> any = byMention.getOrDefault(words, List.of());
    if (!writtenInCapitals) return any;
    List<String> capital = byCapitalMention.getOrDefault(words, List.of());
    if (capital.isEmpty()) return any;
    if (any.isEmpty()) return capital;
    List<String> both = new ArrayList<>(any);
    capital.stream().filter(c -> !both.contains(c)).forEach(both::add);
    return both;
  }

  /** Whether some entry of several words begins with these words (so a mention may go on). */
  public boolean beginsAMention(String words) {
    return beginnings.contains(words);
  }

  /** Analyses query entries exactly as the synonym file's own parser does, and collects the map. */
  private static final class QueryEntries extends SynonymMap.Parser {
    QueryEntries(Analyzer analyzer) {
      super(true, analyzer);
    }

    CharsRef analyze(String entry) {
      try {
        return analyze(entry, new CharsRefBuilder());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void parse(Reader in) {
      throw new UnsupportedOperationException("entries are added one by one");
    }
  }
}
