package org.eligo.search.analysis;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Turns a condition or drug name into a comparison key, so that "ITP", "Immune thrombocytopenia" and "immune
 * thrombocytopenic purpura" (one synonym group) get the same key and "Sirolimus (Rapamune)" equals "rapamycin".
 *
 * <p>A key is the name analysed like indexed text (lower case, folded, stemmed), with a trailing parenthesised part
 * dropped, then replaced by the key of its synonym group's first entry when it belongs to one. {@link #keys} gives
 * every concept a name stands for: each drug of a combination ("sirolimus and ATRA"), and a condition also without
 * its qualifier ("Severe Aplastic Anemia" is also aplastic anemia). {@link #mentionedIn} finds the known concepts a
 * text names, for records that list no conditions or interventions of their own.
 */
public final class ConceptKeys {

  private final Analyzer analyzer = TrialAnalyzers.index();
  private final Map<String, String> preferred = new HashMap<>();
  private final Map<String, String> labels = new HashMap<>();

  public ConceptKeys(TrialSynonyms synonyms) {
    for (var group : synonyms.groups()) {
      String head = normalise(group.getFirst());
      for (String entry : group) preferred.putIfAbsent(normalise(entry), head);
      // the group's first entry longer than an abbreviation names it for a person ("aplastic anemia", not "aa")
      String label = group.stream().filter(e -> e.strip().length() > 4).findFirst().orElse(group.getFirst());
      labels.putIfAbsent(head, label.strip());
    }
  }

  /** A name a person can read for a key {@link #mentionedIn} gives: its synonym group's first full name. */
  public String label(String key) {
    return labels.getOrDefault(key, key);
  }

  /** Words joining the drugs of a combination, or separating the names in a list. */
  private static final java.util.regex.Pattern COMBINATION =
      java.util.regex.Pattern.compile("\\s+(?:and|plus|with|&)\\s+|\\s*[+;]\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);
  /** Qualifiers before a condition that leave the condition itself. */
  private static final java.util.regex.Pattern QUALIFIER = java.util.regex.Pattern.compile(
      "^(?:(?:very|severe|refractory|relapsed|relapsing|acquired|chronic|newly diagnosed|persistent|primary|secondary|"
          + "moderate|non-severe|transfusion-dependent)\\s+)+", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** A concept a name stands for: its key, and the words of the name that give it (to show a person). */
  public record Named(String key, String words) {}

  /**
   * Every concept a name stands for, the name's own first: each part of a combination, and each part without a
   * leading qualifier. Blank names give none.
   */
  public java.util.List<Named> named(String name) {
    java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
    if (name == null || name.isBlank()) return java.util.List.of();
    named.putIfAbsent(key(name), name.strip());
    String[] parts = COMBINATION.split(stripParenthesis(name));
    for (String part : parts) {
      if (part.isBlank()) continue;
      if (parts.length > 1) named.putIfAbsent(key(part), part.strip());
      String bare = QUALIFIER.matcher(part.strip()).replaceFirst("");
      if (!bare.isBlank() && !bare.equalsIgnoreCase(part.strip())) named.putIfAbsent(key(bare), bare.strip());
    }
    named.remove("");
    return named.entrySet().stream().map(e -> new Named(e.getKey(), e.getValue())).toList();
  }

  /** The keys of {@link #named}. */
  public java.util.List<String> keys(String name) {
    return named(name).stream().map(Named::key).toList();
  }

  /**
   * The concept keys of the synonym-list entries {@code text} names (whole words, up to six in a row; entries of
   * three letters or fewer are left out, being too often ordinary words).
   */
  public java.util.List<String> mentionedIn(String text) {
    if (text == null || text.isBlank()) return java.util.List.of();
    String[] words = normalise(BRACKETS_AND_MARKS.matcher(text).replaceAll(" ")).split(" ");
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (int start = 0; start < words.length; start++) {
      StringBuilder phrase = new StringBuilder();
      for (int end = start; end < Math.min(words.length, start + 6); end++) {
        if (end > start) phrase.append(' ');
        phrase.append(words[end]);
        String head = preferred.get(phrase.toString());
        if (head != null && phrase.length() > 3) found.add(head);
      }
    }
    return java.util.List.copyOf(found);
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

  /** A parenthesis or bracket closing the name ("Sirolimus (Rapamune)"), dropped with the space before it. */
  private static final java.util.regex.Pattern TRAILING_PARENTHESIS =
      java.util.regex.Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]\\s*$");
  private static final java.util.regex.Pattern BRACKETS_AND_MARKS = java.util.regex.Pattern.compile("[()\\[\\]®]");

  private static String stripParenthesis(String name) {
    // most names have none: they are returned without running the pattern (this runs for every name indexed)
    String stripped = name.indexOf('(') < 0 && name.indexOf('[') < 0 ? name
        : TRAILING_PARENTHESIS.matcher(name).replaceFirst("");
    stripped = stripped.replace("®", "");
    return stripped.isBlank() ? name : stripped;
  }

  private String normalise(String text) {
    return TrialAnalyzers.words(analyzer, text);
  }
}
