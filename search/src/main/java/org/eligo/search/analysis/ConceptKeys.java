package org.eligo.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a condition or drug name into a comparison key, so that "ITP", "Immune thrombocytopenia" and "immune
 * thrombocytopenic purpura" (one synonym group) get the same key and "Sirolimus (Rapamune)" equals "rapamycin".
 *
 * <p>A key is the name analysed like indexed text (lower case, folded, stemmed), with a trailing parenthesised part
 * dropped, then replaced by the key of its synonym group's first entry when it belongs to one.
 */
public final class ConceptKeys {

  private final Analyzer analyzer = TrialAnalyzers.index();
  private final Map<String, String> preferred = new HashMap<>();

  public ConceptKeys(TrialSynonyms synonyms) {
    for (var group : synonyms.groups()) {
      String head = normalise(group.getFirst());
      for (String entry : group) preferred.putIfAbsent(normalise(entry), head);
    }
  }

  /** The key of a name; blank names give an empty key. */
  public String key(String name) {
    String normal = normalise(stripParenthesis(name));
    if (normal.isEmpty()) normal = normalise(name);
    String known = preferred.get(normal);
    if (known != null) return known;
    String withoutForm = DOSE_FORM.matcher(normal).replaceFirst("");
    return withoutForm.isEmpty() ? normal : preferred.getOrDefault(withoutForm, withoutForm);
  }

  /** A trailing dose form, dropped so that "Sirolimus Tablets" is the same drug as "sirolimus". */
  private static final java.util.regex.Pattern DOSE_FORM =
      java.util.regex.Pattern.compile("( (tablet|capsule|injection|infusion|oral solution|oral|solution|for injection))+$");

  private static String stripParenthesis(String name) {
    String stripped = name.replaceAll("\\s*[(\\[][^)\\]]*[)\\]]\\s*$", "").replace("®", "");
    return stripped.isBlank() ? name : stripped;
  }

  private String normalise(String text) {
    StringJoiner words = new StringJoiner(" ");
    try (TokenStream stream = analyzer.tokenStream("key", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) words.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words.toString();
  }
}
