package org.eligo.criteria.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Items lettered or numbered on the line of their heading: "Any of the following: a) MI within 6 months; b) stroke;
 * c) uncontrolled hypertension", "(i) … (ii) … (iii) …", "1) … 2) …". They become sub-items of the heading, as the
 * same items written on lines of their own below it do; read as one sentence, the markers were words not understood
 * and the items were joined as "and". Only a run of markers in order from the first ("a", "i", "1"), at least two, of
 * one style, after a heading that opens a list (it ends in ":" or says "the following") is cut: "grade 1) …" or a
 * lone "(a)" stays part of the sentence.
 */
final class InlineEnumeration {
  private InlineEnumeration() {}

  /** A marker: "a)", "(a)", "ii)", "(ii)", "1)", "(1)", after the start, a space or a list's punctuation. */
  private static final Pattern MARKER = Pattern.compile("(?<=^|[\\s:;,])(\\(?)([a-z]|[ivx]{1,4}|\\d{1,2})\\)(?=\\s)");
  private static final Pattern OPENS_LIST = Pattern.compile("(?i)[:：]\\s*$|\\bthe following\\b");
  private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  private record Marker(int start, int end, boolean open, String value) {}

  /** Cuts the inline items of {@code node} and of its sub-items into sub-items of their own. */
  static void split(String text, CriteriaTextSplitter.Node node) {
    if (!node.children.isEmpty()) {
      for (CriteriaTextSplitter.Node child : node.children) split(text, child);
      return;
    }
    List<Marker> run = run(markers(text, node.start, node.end));
    if (run.size() < 2) return;
    String heading = text.substring(node.start, run.get(0).start()).strip();
    if (heading.isEmpty() || !OPENS_LIST.matcher(heading).find()) return;
    if (oneSentence(text, run.get(run.size() - 2).end(), run.get(run.size() - 1), node.end)) return;
    int itemsEnd = node.end;
    node.end = run.get(0).start();
    for (int i = 0; i < run.size(); i++) {
      int start = run.get(i).end();
      int end = i + 1 < run.size() ? run.get(i + 1).start() : itemsEnd;
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
      if (end > start && (text.charAt(end - 1) == ';' || text.charAt(end - 1) == ',')) end--;
      node.children.add(new CriteriaTextSplitter.Node("inline", node.indent + 1, start, end));
    }
  }

  /**
   * The markers that continue, on the same line, the run an item's own marker opens: "a) MI within 6 months; b) stroke;
   * c) uncontrolled hypertension" written as one item marked "a)". Each is {marker start, content start}; empty when
   * the marker is not one of a run (a letter, roman numeral or number closed by ")").
   */
  static List<int[]> continuation(String text, int from, int to, String ownMarker) {
    Matcher own = OWN.matcher(ownMarker.strip());
    if (!own.matches()) return List.of();
    boolean open = !own.group(1).isEmpty();
    String value = own.group(2).toLowerCase(Locale.ROOT);
    List<Marker> run = null;
    for (int style = 0; style < 3 && run == null; style++) {
      int n = index(style, value);
      if (n < 0) continue;
      List<Marker> found = new ArrayList<>();
      for (Marker m : markers(text, from, to)) {
        if (m.open() == open && m.value().equals(value(style, n + 1 + found.size()))) found.add(m);
      }
      if (!found.isEmpty()) run = found;
    }
    if (run == null) return List.of();
    int before = run.size() > 1 ? run.get(run.size() - 2).end() : from;
    if (oneSentence(text, before, run.get(run.size() - 1), to)) return List.of();
    List<int[]> out = new ArrayList<>();
    for (Marker m : run) out.add(new int[] {m.start(), m.end()});
    return out;
  }

  /** "…, or (iii)": the items are one sentence's alternatives. */
  private static final Pattern CONNECTIVE_END = Pattern.compile("(?i)\\b(?:or|and|and/or)\\s*[,;]?\\s*$");
  /** A time the last alternative ends with: "within 6 months", "in the past year", "prior to screening". */
  private static final Pattern TIME = Pattern.compile("(?i)\\b(?:within|in\\s+the\\s+(?:past|last|previous)|during"
      + "|prior\\s+to|before|since|ago)\\b");

  /**
   * Whether the items are one sentence: joined by "and", or by "or" with a last item that ends with a time. "History
   * of the following: (i) myocardial infarction, (ii) stroke, or (iii) pulmonary embolism within 6 months" is one
   * sentence whose time may reach every alternative, as it does written without the markers; cut into items, an
   * infarction of 2010 excluded. Left whole, the sentence is read as before lettered items were cut.
   */
  private static boolean oneSentence(String text, int previousEnd, Marker last, int end) {
    String before = text.substring(previousEnd, last.start());
    return AND_END.matcher(before).find()
        || CONNECTIVE_END.matcher(before).find() && TIME.matcher(text.substring(last.end(), end)).find();
  }

  /**
   * "The following: a) HBsAg positive and b) HBV DNA &gt; 2,000 IU/mL": items joined by "and" are one requirement,
   * which cut into items of an exclusion list became alternatives (hepatitis B alone excluded).
   */
  private static final Pattern AND_END = Pattern.compile("(?i)\\band\\s*[,;]?\\s*$");

  private static final Pattern OWN = Pattern.compile("(\\(?)([a-zA-Z]|[ivxIVX]{1,4}|\\d{1,2})\\)");

  /** The place of a value in a style, from 0, or -1: "c" is 2 in letters, "iii" 2 in roman numerals. */
  private static int index(int style, String value) {
    for (int n = 0; n < 26; n++) if (value.equals(value(style, n))) return n;
    return -1;
  }

  /**
   * A word a number or letter completes, so what follows it is no marker: "grade 2) toxicity", "Stage 2) or 3)",
   * "Type 1) diabetes", "cohort 2)", "section b)".
   */
  private static final Pattern NUMBERED_WORD = Pattern.compile("(?i)\\b(?:grades?|stages?|types?|class(?:es)?|cohorts?"
      + "|parts?|arms?|phases?|sections?|steps?|levels?|groups?|criteri(?:on|a)|appendi(?:x|ces)|tables?|figures?"
      + "|categor(?:y|ies)|tiers?|versions?)\\s*(?:[≥≤<>=]\\s*)?$");

  /** The next of values listed after one closed by ")": the "3)" of "Stage 2) or 3)". */
  private static final Pattern VALUE_LIST = Pattern.compile("(?i)(?<![\\p{L}\\d])(?:\\d{1,2}|[a-z]|[ivx]{1,4})\\)\\s*"
      + "(?:,|-|–|or|and|to)\\s*$");

  private static List<Marker> markers(String text, int from, int to) {
    List<Marker> out = new ArrayList<>();
    Matcher m = MARKER.matcher(text).region(from, to);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int depth = 0;
    int scanned = from;
    while (m.find()) {
      depth = depthAfter(text, scanned, m.start(), depth);
      scanned = m.end();
      boolean open = !m.group(1).isEmpty();
      // "(or ≥ 12 years in cohort 2) at screening", "(see ii) below)": the ")" closes a parenthesis opened before it
      if (!open && depth > 0) {
        depth--;
        continue;
      }
      String before = text.substring(Math.max(from, m.start() - 30), m.start());
      if (NUMBERED_WORD.matcher(before).find() || VALUE_LIST.matcher(before).find()) continue;
      out.add(new Marker(m.start(), m.end(), open, m.group(2).toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /** The depth of parentheses open at {@code to}, from {@code depth} at {@code from}; a ")" with none open is a marker's. */
  private static int depthAfter(String text, int from, int to, int depth) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      else if (c == ')' && depth > 0) depth--;
    }
    return depth;
  }

  /** The longest run in order from the first value, letters tried first, then roman numerals, then numbers. */
  private static List<Marker> run(List<Marker> markers) {
    List<Marker> best = List.of();
    for (int style = 0; style < 3 && best.size() < 2; style++) {
      for (int first = 0; first < markers.size() && best.size() < 2; first++) {
        Marker head = markers.get(first);
        if (!head.value().equals(value(style, 0))) continue;
        List<Marker> run = new ArrayList<>(List.of(head));
        for (int i = first + 1; i < markers.size(); i++) {
          Marker next = markers.get(i);
          if (next.open() == head.open() && next.value().equals(value(style, run.size()))) run.add(next);
        }
        if (run.size() >= 2) best = run;
      }
    }
    return best;
  }

  /** The n-th value (from 0) of a style: a, b, c …; i, ii, iii …; 1, 2, 3 …. */
  private static String value(int style, int n) {
    return switch (style) {
      case 0 -> n < 26 ? String.valueOf((char) ('a' + n)) : "";
      case 1 -> n < ROMAN.size() ? ROMAN.get(n) : "";
      default -> Integer.toString(n + 1);
    };
  }
}
