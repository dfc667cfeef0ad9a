package org.eligo.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The domain synonyms and abbreviations: the parsed {@link SynonymMap} used at query time and the groups of
 * equivalent names used to tell that two trials share a condition or drug.
 *
 * @param map the query-time synonym map that expands an entry into its alternatives (quoted phrases use it)
 * @param groups each equivalence line of the file (lines without {@code =>}), its first entry being the preferred name
 * @param rules every line as a rule: what a query may write ({@code from}) and what it then finds ({@code to}); an
 *     equivalence line's entries are both
 * @param fingerprint a checksum of the file's text: an index made with other synonyms must be rebuilt
 */
public record TrialSynonyms(SynonymMap map, List<List<String>> groups, List<Rule> rules, String fingerprint) {

  /**
   * One line of the file: a query naming any entry of {@code from} finds the trials naming any of {@code to}; an
   * equivalence line ({@code oneWay} false) has the same entries on both sides.
   */
  public record Rule(List<String> from, List<String> to, boolean oneWay) {
    public Rule {
      from = List.copyOf(from);
      to = List.copyOf(to);
    }
  }

  /** Where the maintained list lives on the class path. */
  public static final String BUNDLED = "/org/eligo/search/synonyms.txt";

  public TrialSynonyms {
    groups = groups.stream().map(List::copyOf).toList();
    rules = List.copyOf(rules);
  }

  /** The list shipped with Eligo ({@value #BUNDLED}). */
  public static TrialSynonyms bundled() {
    try (InputStream in = TrialSynonyms.class.getResourceAsStream(BUNDLED)) {
      if (in == null) throw new IllegalStateException("synonyms file missing from the class path: " + BUNDLED);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a Solr-format synonyms file; a malformed line throws with its line number. */
  public static TrialSynonyms parse(String text) {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, TrialAnalyzers.synonymEntries());
    try {
      parser.parse(new StringReader(text));
      List<Rule> rules = rules(text);
      // Of the rules only: editing a comment does not make indexes rebuild.
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(rules.toString().getBytes(StandardCharsets.UTF_8));
      return new TrialSynonyms(parser.build(), rules.stream().filter(r -> !r.oneWay()).map(Rule::from).toList(),
          rules, Long.toHexString(crc.getValue()));
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad synonyms file at line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Rule> rules(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String line : text.lines().toList()) {
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) continue;
      int arrow = content.indexOf("=>");
      List<String> from = entries(arrow < 0 ? content : content.substring(0, arrow));
      rules.add(new Rule(from, arrow < 0 ? from : entries(content.substring(arrow + 2)), arrow >= 0));
    }
    return rules;
  }

  private static List<String> entries(String list) {
    List<String> entries = new ArrayList<>();
    for (String entry : list.split(",")) {
      if (!entry.isBlank()) entries.add(entry.strip());
    }
    return entries;
  }
}
