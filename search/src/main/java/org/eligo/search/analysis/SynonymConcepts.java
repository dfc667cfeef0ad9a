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
import java.util.StringJoiner;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
  private final Set<String> beginnings;
  private final int longestMention;

  public SynonymConcepts(TrialSynonyms synonyms) {
    Analyzer indexWords = TrialAnalyzers.index();
    QueryEntries entries = new QueryEntries(TrialAnalyzers.synonymEntries());
    // What each query entry (as the query analyser sees it) finds, merged over all the lines it is on.
    Map<String, CharsRef> inputs = new LinkedHashMap<>();
    Map<String, Set<String>> finds = new LinkedHashMap<>();
    Map<String, String> firstWritten = new HashMap<>();
    for (TrialSynonyms.Rule rule : synonyms.rules()) {
      for (String from : rule.from()) {
        CharsRef input = entries.analyze(from);
        String key = input.toString();
        inputs.putIfAbsent(key, input);
        firstWritten.putIfAbsent(key, rule.from().getFirst());
        Set<String> found = finds.computeIfAbsent(key, k -> new TreeSet<>());
        for (String to : rule.to()) {
          String words = words(indexWords, to);
          if (!words.isEmpty()) found.add(words);
        }
      }
    }
    // One concept per distinct set of entries found.
    Map<Set<String>, String> conceptOf = new HashMap<>();
    Set<String> tokens = new java.util.HashSet<>();
    Map<String, List<String>> mentions = new HashMap<>();
    int longest = 1;
    for (var entry : finds.entrySet()) {
      Set<String> found = entry.getValue();
      if (found.isEmpty()) continue;
      String token = conceptOf.get(found);
      if (token == null) {
        String name = words(indexWords, firstWritten.get(entry.getKey())).replace(' ', '_');
        token = MARK + name + MARK;
        for (int n = 2; !tokens.add(token); n++) token = MARK + name + "_" + n + MARK;
        conceptOf.put(found, token);
        for (String words : found) {
          mentions.computeIfAbsent(words, w -> new ArrayList<>()).add(token);
          longest = Math.max(longest, words.split(" ").length);
        }
      }
      entries.add(inputs.get(entry.getKey()), new CharsRef(token), false);
    }
    try {
      this.queryMap = entries.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<String>> frozen = new HashMap<>();
    mentions.forEach((words, concepts) -> frozen.put(words, List.copyOf(new LinkedHashSet<>(concepts))));
    this.byMention = Map.copyOf(frozen);
    Set<String> starts = new java.util.HashSet<>();
    for (String words : frozen.keySet()) {
      for (int space = words.indexOf(' '); space > 0; space = words.indexOf(' ', space + 1)) {
        starts.add(words.substring(0, space));
      }
    }
    this.beginnings = Set.copyOf(starts);
    this.longestMention = longest;
  }

  /** The query-time map: each entry a query may write, to its one concept token. */
  public SynonymMap queryMap() {
    return queryMap;
  }

  /** The concept tokens of indexed words (analysed as indexed, joined by one space); none for most words. */
  public List<String> conceptsOf(String words) {
    return byMention.getOrDefault(words, List.of());
  }

  /** Whether some entry of several words begins with these words (so a mention may go on). */
  public boolean beginsAMention(String words) {
    return beginnings.contains(words);
  }

  /** The most words an entry has: mentions are looked for up to this length. */
  public int longestMention() {
    return longestMention;
  }

  /** Whether a term is a concept token. */
  public static boolean isConcept(CharSequence term) {
    return term.length() > 1 && term.charAt(0) == MARK;
  }

  private static String words(Analyzer analyzer, String text) {
    StringJoiner words = new StringJoiner(" ");
    try (TokenStream stream = analyzer.tokenStream("concept", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) words.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words.toString();
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
