package org.eligo.criteria.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.CriterionType;

/**
 * Cuts a registry's free-text eligibility criteria into inclusion and exclusion items with their source spans.
 *
 * <p>It reads the shapes registries use: headings in any case ("Inclusion Criteria:", "Key exclusion criteria",
 * "INCLUSION:"), numbered ({@code 1.} {@code 1)} {@code (1)}), bulleted ({@code * - •}) and circled ({@code ①②})
 * items, sub-items (deeper indentation, or another marker kind under an item ending in ":"), items continued over
 * lines, a number run into the previous line ("... of the study 8. Lactating women"), items lettered or numbered on
 * the line of a heading ("Any of the following: a) MI; b) stroke", {@link InlineEnumeration}), and marker-less prose
 * (cut into sentences, with "the following: a; b; c" kept as one item with sub-items, and ";" lists cut into items).
 * Text without headings is read as inclusion, and the result says so. Item texts are exact substrings of the input.
 * Thread-safe and stateless.
 */
public final class CriteriaTextSplitter {
  private static final Pattern ENDS_ITEM = Pattern.compile("[.;]$");
  private static final Pattern ENDS_LINE = Pattern.compile("[.;:]$");
  /**
   * A paragraph of its own after a list that says more criteria exist: "Note: Other protocol-defined
   * inclusion/exclusion criteria may apply", "Additional criteria may apply". Glued to the item before, it made that
   * item unreadable. Other notes ("Note: patients treated for other indications are eligible") may qualify the item
   * before and stay with it.
   */
  private static final Pattern NOTE = Pattern.compile("(?i)^(?:\\*+\\s*)?(?:(?:note|n\\.\\s?b\\.?|nb)\\s*[:.-]\\s*)?"
      + "(?:other|additional|further)\\s+(?:protocol[- ](?:defined|specified)\\s+)?(?:[\\w/]+\\s+){0,3}criteria\\b");

  private static final Pattern HEADING = Pattern.compile(
      // "__Inclusion Criteria__", "*Exclusion Criteria:*": bold or italic by underscores or one asterisk (§84); not
      // read as a heading, the exclusion list was read as inclusions ("Pregnant or breastfeeding" required)
      "^[ \\t]*(?:[-*•#]+[ \\t]*)?(?:\\*\\*|__?)?(?:(?:key|main|major|general|principal)[ \\t]+)?(inclusion|exclusion)"
          + "(?:[ \\t]+criteri(?:a|on))?(?:\\*\\*?|__?)?[ \\t]*(?:[:：](?:\\*\\*?|__?)?[ \\t]*|(?=\\r?$))",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  /**
   * A heading that names its section and qualifies it up to the end of its line: "Inclusion Criteria for Cohort 1
   * (ITP):", "Inclusion Criteria - Part A:", "Exclusion Criteria (all cohorts):", "Inclusion criteria applicable to all
   * participants:", "EXCLUSION CRITERIA FOR PART 2". Not read as a heading, the exclusion section after such a line was
   * read as inclusion ("Pregnancy" required) and the line glued onto the item before it. Group {@code q} is the
   * qualifier, which becomes a heading item over the section's items. It needs the word "criteria" ("Exclusion of
   * patients with X" is a sentence), and the qualifier ends its line with ":" or, without one, names a part of the
   * study right after "for", a dash or a bracket.
   */
  private static final Pattern QUALIFIED_HEADING = Pattern.compile(
      "^[ \\t]*(?:#+[ \\t]*)?(?:\\*\\*)?(?:(?:key|main|major|general|principal|specific|additional)[ \\t]+)?"
          + "(inclusion|exclusion)[ \\t]+criteri(?:a|on)(?:\\*\\*)?[ \\t]*(?:[-–—:：][ \\t]*)?"
          + "(?<q>(?=[(\\[]|(?<=[-–—][ \\t]{0,3})[\\p{L}\\d]|(?:for|in|applicable|applying|that\\s+apply|common|specific|relevant|related|of|to|all|both"
          + "|only|parts?|cohorts?|arms?|stages?|groups?|phases?|steps?)\\b)[^\\r\\n:：]{1,100}?(?:\\*\\*)?[:：](?:\\*\\*)?"
          + "|(?:(?<=[-–—][ \\t]{0,3})|\\([ \\t]*|for[ \\t]+)(?:the[ \\t]+)?(?:(?:all|both)[ \\t]+)?(?:parts?|cohorts?|arms?|stages?"
          + "|groups?|phases?|steps?|sub-?stud(?:y|ies)|modules?|dose[- ]escalation|dose[- ]expansion|expansion|escalation"
          + "|p(?:a)?ediatric|adults?|adolescents?)\\b[^\\r\\n.;:：]{0,40}"
          // after ":", a part of the study alone: "**Inclusion Criteria: Cohort A**", "Exclusion Criteria: Part 2"
          + "|(?<=[:：][ \\t]{0,3})(?:parts?|cohorts?|arms?|stages?|groups?|phases?|steps?|sub-?stud(?:y|ies)|modules?)[ \\t]+"
          + "[\\p{L}\\d]{1,4}\\b(?:[ \\t]*\\([^\\r\\n.;:：()]{1,40}\\))?(?:\\*\\*)?"
          // without ":", whom it is for after "for", "in", "applicable to" or in brackets: "Inclusion Criteria for
          // Healthy Volunteers", "EXCLUSION CRITERIA FOR ALL SUBJECTS", "Exclusion Criteria (Patients with ITP)"
          // (headings() wants a capital first letter, and no qualifier without ":" may hold a verb)
          + "|(?<loose>"
          + "(?:(?:for|in|applicable[ \\t]+to|applying[ \\t]+to|common[ \\t]+to|specific[ \\t]+to)[ \\t]+[\\p{L}\\d(]"
          + "[^\\r\\n.;:：]{0,60}|\\([^\\r\\n.;:：()]{1,60}\\)(?:\\*\\*)?)))[ \\t]*\\r?$",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  /** A verb: a qualifier without ":" that holds one is a sentence ("… for Part B are the same as for Part A"). */
  private static final Pattern VERB = Pattern.compile("(?i)\\b(?:must|are|is|was|were|will|shall|should|may|can|has"
      + "|have|met|apply|applies|do|does)\\b");

  /**
   * A marker-less line of its own that heads the bullets below it: "Cohort A (ITP):", "For Part 2 only:", "Patients
   * with ITP:", "All participants:", "Dose-escalation phase:". Short, ending in ":"; a line that opens a list ("Any of
   * the following:", "at least one of:") is left as it was.
   */
  private static final Pattern SUB_HEADING = Pattern.compile("^[\\p{Lu}\\d(][^.;:：\\r\\n]{0,78}[:：]$");
  private static final Pattern LIST_WORDS = Pattern.compile("(?i)\\b(?:following|either|at\\s+least|one\\s+or\\s+more"
      + "|(?:any|all|one|both|each|none)\\s+of)\\b");
  /**
   * What a sub-heading names: a part of the study or the patients it is for ("Cohort A (ITP):", "Patients with ITP:",
   * "All participants:", "General:"). A short line ending in ":" that names neither ("Exceptions:", "Laboratory values:")
   * may belong to the item before it and is left as it was.
   */
  private static final Pattern NAMES_WHOM = Pattern.compile("(?i)\\b(?:cohorts?|parts?|arms?|stages?|groups?|phases?"
      + "|steps?|modules?|sub-?stud(?:y|ies)|strat(?:um|a)|populations?|escalation|expansion|extension|patients"
      + "|participants|subjects|volunteers|individuals|adults?|adolescents?|children|p(?:a)?ediatrics?|women|men"
      + "|females|males|donors?|recipients?|caregivers|all|both|general|common)\\b");
  /** Words of a line that qualifies the item before it: "Exceptions for patients with …:", "Including:". */
  private static final Pattern QUALIFIES_ITEM = Pattern.compile("(?i)\\b(?:except|exceptions?|unless|other\\s+than"
      + "|allowed|permitted|eligible|including|includes?|such\\s+as|defined|e\\.g|i\\.e|namely|as\\s+follows|below"
      + "|excluding|but)\\b");
  /**
   * The end of a line that runs on into the next: a comma, a bracket or dash left open, or a word that needs what follows
   * ("History of malignancy, except for" / "Patients with basal cell carcinoma:"). A sub-heading right under a line
   * that ends otherwise ("* Age 18 years or older" / "Patients with ITP:") heads the items below it; glued onto the
   * item before, it had made a rule nobody wrote ("Age >= 18 years Patients with ITP": ITP required of everyone).
   */
  private static final Pattern RUNS_ON = Pattern.compile("(?i)(?:[,(\\[/&+–—-]|\\b(?:and|or|of|for|with|without|except"
      + "|in|to|the|a|an|than|by|at|on|as|from|who|whose|which|that|including|excluding|unless|if|when|nor|but|not"
      + "|plus|versus|vs|per|such))$");

  /**
   * A line that names an organ system or a kind of laboratory test and heads the bullets below it: "Hematologic:",
   * "Renal function:", "Hepatic:", "Coagulation:". Not a subset of the patients: its items bind everyone. Glued onto the
   * item before, it made that item unreadable ("Platelet count < 50 x 10^9/L Coagulation:" asked, never excluded).
   */
  private static final Pattern SYSTEM_HEADING = Pattern.compile("(?i)^(?:(?:adequate|normal|acceptable)\\s+)?"
      + "(?:ha?ematolog(?:y|ic|ical)|renal|kidney|hepatic|liver|coagulation|cardiac|cardiovascular|pulmonary"
      + "|respiratory|neurologic(?:al)?|(?:serum\\s+|blood\\s+)?(?:bio)?chemistry|bone\\s+marrow|blood\\s+counts?"
      + "|electrolytes|metabolic|endocrine)(?:\\s+(?:function|values|parameters|tests|status|system))?\\s*[:：]$"
      // the NCI PDQ layout: "DISEASE CHARACTERISTICS:", "PATIENT CHARACTERISTICS:", "PRIOR CONCURRENT THERAPY:", and
      // under them "Age:", "Performance status:", "Hematopoietic:", "Life expectancy:", "Other:" (they bind everyone)
      + "|(?i)^(?:disease|patient|tumou?r)\\s+characteristics\\s*[:：]$"
      + "|(?i)^prior\\s*(?:/|and|or)?\\s*concurrent\\s+(?:therapy|therapies|treatments?)\\s*[:：]$"
      + "|(?i)^(?:age|performance\\s+status|life\\s+expectancy|ha?ematopoietic|menopausal\\s+status|other"
      + "|biologic\\s+therapy|chemotherapy|endocrine\\s+therapy|radiotherapy|surgery)\\s*[:：]$");

  /** A sub-heading that names a part of the study first: it starts a group even without a blank line before it. */
  private static final Pattern PART_FIRST = Pattern.compile("(?i)^(?:for\\s+)?(?:the\\s+)?(?:parts?|cohorts?|arms?"
      + "|stages?|groups?|phases?|steps?|sub-?stud(?:y|ies)|modules?)\\s+[\\p{L}\\d]{1,4}\\b");

  private static final Pattern MARKER = Pattern.compile(
      "^([ \\t]*)(?:(\\d{1,2})([.)、．])(?!\\d)|\\((\\d{1,2})\\)|([a-zA-Z])([.)])(?=\\s)|\\(([a-z]|[ivx]{1,4})\\)"
          + "|([*\\-•·●▪◦‣⁃–])(?=\\s)|([①-⑳])"
          // roman numerals past "i." ("ii.", "iv)"), and the letter "o" Word writes for a hollow sub-bullet
          + "|([ivx]{2,4}|[IVX]{2,4})([.)])(?=\\s)|(o)(?=[ \\t]+\\p{L}))[ \\t]*");

  private static final Pattern INLINE_NUMBER = Pattern.compile("(?<=[:.;,a-z)])[ \\t]+(\\d{1,2})\\.[ \\t]+(?=\\p{Lu})");

  private static final Pattern PREAMBLE = Pattern.compile(
      "(?is).{0,120}\\b(?:all|any|each|one or more) of the following\\b[^.]{0,80}[:：]?\\s*");

  private static final Pattern FOLLOWING = Pattern.compile("(?i)\\bof the following\\b[^:]{0,40}:");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}(\\[])");

  private static final Pattern ABBREVIATION_BEFORE = Pattern.compile(
      "(?i)(?:\\b(?:e\\.g|i\\.e|etc|vs|dr|st|no|approx|fig|ca|incl|max|min|mg|mr|mrs|ms|prof|jr|sr)\\.|\\b\\p{L}\\.)$");

  /** Splits {@code text} into items; null or blank text gives no items. */
  public SplitCriteria split(String text) {
    List<String> notes = new ArrayList<>();
    if (text == null || text.isBlank()) return new SplitCriteria(List.of(), false, List.of("no criteria text"));
    List<int[]> sections = new ArrayList<>(); // {type ordinal, bodyStart, bodyEnd, qualifierStart, qualifierEnd}
    int previousBodyStart = -1;
    int[] previousQualifier = {-1, -1};
    CriterionType previousType = null;
    int firstHeading = -1;
    for (int[] h : headings(text)) {
      if (firstHeading < 0) firstHeading = h[0];
      if (previousType != null) {
        sections.add(new int[] {previousType.ordinal(), previousBodyStart, h[0], previousQualifier[0],
            previousQualifier[1]});
      }
      previousType = h[2] == 0 ? CriterionType.INCLUSION : CriterionType.EXCLUSION;
      previousBodyStart = h[1];
      previousQualifier = new int[] {h[3], h[4]};
    }
    List<CriterionItem> items = new ArrayList<>();
    boolean headings = previousType != null;
    int[] counters = new int[2];
    if (!headings) {
      notes.add("no inclusion/exclusion headings: every item read as inclusion");
      splitSection(text, 0, text.length(), CriterionType.INCLUSION, items, counters, notes);
      return new SplitCriteria(items, false, notes);
    }
    sections.add(new int[] {previousType.ordinal(), previousBodyStart, text.length(), previousQualifier[0],
        previousQualifier[1]});
    if (!text.substring(0, firstHeading).isBlank()) {
      notes.add("text before the first heading read as inclusion");
      splitSection(text, 0, firstHeading, CriterionType.INCLUSION, items, counters, notes);
    }
    for (int[] s : sections) {
      if (s[3] < 0) {
        splitSection(text, s[1], s[2], CriterionType.values()[s[0]], items, counters, notes);
        continue;
      }
      // "Inclusion Criteria for Cohort 1 (ITP):": the qualifier heads the section's items, as a sub-heading does
      Node qualifier = new Node("heading", 0, s[3], s[4]);
      qualifier.heading = true;
      qualifier.children.addAll(roots(text, s[1], s[2], notes));
      CriterionType type = CriterionType.values()[s[0]];
      if (qualifier.children.isEmpty()) continue;
      items.add(toItem(text, qualifier, Integer.toString(++counters[type.ordinal()]), type));
    }
    return new SplitCriteria(items, true, notes);
  }

  /**
   * The section headings in order, each {start, bodyStart, 0 inclusion / 1 exclusion, qualifierStart, qualifierEnd}
   * (the qualifier -1 when the heading has none).
   */
  private static List<int[]> headings(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher plain = HEADING.matcher(text);
    Matcher qualified = QUALIFIED_HEADING.matcher(text);
    int from = 0;
    while (from <= text.length()) {
      boolean p = plain.find(from);
      boolean q = qualified.find(from);
      if (!p && !q) break;
      // at the same line start the qualified reading wins ("Inclusion Criteria - Part A:" is no bare heading)
      boolean qualifiedFirst = q && (!p || qualified.start() <= plain.start());
      Matcher first = qualifiedFirst ? qualified : plain;
      if (wrapped(text, first.start(1))) {
        // "* Patients who do not meet the\ninclusion criteria for Part A": a line an item wraps onto, no heading (the
        // items after it had been read as inclusions)
        from = first.start() + 1;
        continue;
      }
      if (qualifiedFirst && !qualifiedHeading(text, qualified)) {
        // "Exclusion criteria for Part B are the same as for Part A": a sentence; a bare heading at the same place
        // ("Exclusion Criteria: Part B patients may …") is still one
        if (p && plain.start() == qualified.start()) {
          qualifiedFirst = false;
        } else {
          from = qualified.start() + 1;
          continue;
        }
      }
      if (qualifiedFirst) {
        int type = qualified.group(1).toLowerCase(Locale.ROOT).startsWith("inc") ? 0 : 1;
        int qs = qualified.start("q");
        int qe = qualified.end("q");
        while (qe > qs && text.charAt(qe - 1) == '*') qe--; // "**Inclusion Criteria: Cohort A**": not the bold
        out.add(new int[] {qualified.start(), qualified.end(), type, qs, qe});
        from = Math.max(qualified.end(), qualified.start() + 1);
      } else {
        int type = plain.group(1).toLowerCase(Locale.ROOT).startsWith("inc") ? 0 : 1;
        out.add(new int[] {plain.start(), plain.end(), type, -1, -1});
        from = Math.max(plain.end(), plain.start() + 1);
      }
    }
    return out;
  }

  /**
   * Whether a qualified match is a heading: a qualifier without ":" holds no verb, and one read only from the words
   * after "for", "in" or in brackets ({@code loose}) starts with a capital ("Inclusion Criteria for Healthy Volunteers").
   */
  private static boolean qualifiedHeading(String text, Matcher qualified) {
    String q = qualified.group("q").replace("*", "").strip();
    if (!q.endsWith(":") && !q.endsWith("：") && VERB.matcher(q).find()) return false;
    return qualified.start("loose") < 0 || Character.isUpperCase(text.charAt(qualified.start(1)));
  }

  /** Words a line may end with before "inclusion criteria" wrapped onto the next: "* Patients who meet all". */
  private static final Pattern WRAPS_ONTO_HEADING_WORD = Pattern.compile("(?i)\\b(?:all|any|meet|meets|met|fulfil"
      + "|fulfill|fulfils|fulfills|satisfy|satisfies|these|those|other|study|trial|protocol|listed|same)$");

  /**
   * Whether the heading word at {@code at} continues the line above: written in lower case right under a line that
   * runs on ("* Patients who do not meet the" / "inclusion criteria for Part A"). A lower-case heading under an item
   * that ends ("- age 18 or older" / "exclusion criteria:") is still one.
   */
  private static boolean wrapped(String text, int at) {
    if (!Character.isLowerCase(text.charAt(at))) return false;
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (!text.substring(lineStart, at).isBlank() || lineStart == 0) return false;
    int prevEnd = lineStart - 1;
    int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    String previous = text.substring(prevStart, prevEnd).strip();
    return RUNS_ON.matcher(previous).find() || WRAPS_ONTO_HEADING_WORD.matcher(previous).find();
  }

  /** A line (or a part of one, after an inline number) with its item marker. */
  private record Line(int start, int end, int indent, String kind, int number, int contentStart) {
    boolean blank(String text) {
      return text.substring(contentStart, end).isBlank();
    }
  }

  /** An item under construction. */
  static final class Node {
    final String kind;
    final int indent;
    final int start;
    int end;
    boolean heading;
    final List<Node> children = new ArrayList<>();

    Node(String kind, int indent, int start, int end) {
      this.kind = kind;
      this.indent = indent;
      this.start = start;
      this.end = end;
    }
  }

  private void splitSection(String text, int from, int to, CriterionType type, List<CriterionItem> out,
                            int[] counters, List<String> notes) {
    for (Node root : roots(text, from, to, notes)) {
      String own = text.substring(root.start, root.end).strip();
      if (own.isEmpty() && root.children.isEmpty()) continue;
      int n = ++counters[type.ordinal()];
      out.add(toItem(text, root, Integer.toString(n), type));
    }
  }

  private List<Node> roots(String text, int from, int to, List<String> notes) {
    List<Line> lines = lines(text, from, to);
    boolean marked = lines.stream().anyMatch(l -> l.kind() != null);
    List<Node> roots = marked ? markedNodes(text, lines, notes) : proseNodes(text, lines);
    for (Node root : roots) InlineEnumeration.split(text, root);
    return subHeadingGroups(text, roots);
  }

  /**
   * A sub-heading line left without items of its own ("Cohort A (ITP):" over sentences, or over bullets written less
   * deeply than itself) heads the items after it, up to the next such line.
   */
  private static List<Node> subHeadingGroups(String text, List<Node> roots) {
    List<Node> out = new ArrayList<>();
    Node group = null;
    Node system = null; // "Renal:" over sentences, inside the group if any (it does not end a cohort's group)
    for (Node root : roots) {
      String own = text.substring(root.start, root.end).strip();
      boolean subHeading = root.children.isEmpty() && subHeading(own);
      if (subHeading) {
        root.heading = true;
        group = root;
        system = null;
        out.add(root);
      } else if (root.children.isEmpty() && SYSTEM_HEADING.matcher(own).matches()) {
        system = root;
        if (group != null) group.children.add(root);
        else out.add(root);
      } else if (system != null) {
        system.children.add(root);
      } else if (group != null) {
        group.children.add(root);
      } else {
        out.add(root);
      }
    }
    return out;
  }

  /** "Renal function:" under an item that neither runs on nor opens a list of its own ("Adequate organ function:"). */
  private static boolean systemHeading(String line, String before) {
    return SYSTEM_HEADING.matcher(line).matches() && !RUNS_ON.matcher(before).find() && !before.endsWith(":")
        && !before.endsWith("：");
  }

  private static boolean subHeading(String line) {
    return SUB_HEADING.matcher(line).matches() && !LIST_WORDS.matcher(line).find()
        && line.split("\\s+").length <= 10 && NAMES_WHOM.matcher(line).find() && !QUALIFIES_ITEM.matcher(line).find();
  }

  private static CriterionItem toItem(String text, Node node, String path, CriterionType type) {
    int start = node.start;
    int end = node.end;
    while (start < end && Character.isWhitespace(text.charAt(start))) start++;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    List<CriterionItem> children = new ArrayList<>();
    int i = 0;
    for (Node child : node.children) {
      if (text.substring(child.start, child.end).isBlank() && child.children.isEmpty()) continue;
      children.add(toItem(text, child, path + "." + (++i), type));
    }
    return new CriterionItem(path, type, text.substring(start, end), start, end, children,
        node.heading && !children.isEmpty());
  }

  private List<Line> lines(String text, int from, int to) {
    List<Line> lines = new ArrayList<>();
    int pos = from;
    int lastNumber = 0;
    while (pos < to) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 || nl > to ? to : nl;
      String line = text.substring(pos, end);
      Matcher m = MARKER.matcher(line);
      String kind = null;
      int number = 0;
      int indent = indent(line);
      int lead = 0;
      while (lead < line.length() && (line.charAt(lead) == ' ' || line.charAt(lead) == '\t'
          || line.charAt(lead) == '\u00a0')) {
        lead++;
      }
      int content = pos + lead;
      if (m.lookingAt() && m.end() < line.strip().length() + indent + 1) {
        kind = kind(m);
        if (m.group(2) != null) number = Integer.parseInt(m.group(2));
        else if (m.group(4) != null) number = Integer.parseInt(m.group(4));
        content = pos + m.end();
        if (content >= end) kind = null; // a lone marker is no item
      }
      if (kind != null && number > 0) lastNumber = number;
      // a next number run into this line ("... of the study 8. Lactating women" / "criteria: 1. Meet ...")
      int cut = -1;
      Matcher inline = INLINE_NUMBER.matcher(text).region(content, end);
      while (inline.find()) {
        int n = Integer.parseInt(inline.group(1));
        boolean next = n == lastNumber + 1 && (kind == null || kind.startsWith("num"));
        if (next) {
          cut = inline.start();
          lastNumber = n;
          lines.add(new Line(pos, cut, indent, kind, number, content));
          int innerContent = inline.end();
          // the cut-off part becomes a numbered line of its own, continuing the same list
          lines.add(new Line(inline.start(), end, indent, "num.", n, innerContent));
          break;
        }
      }
      if (cut < 0 && kind != null && m.lookingAt()) {
        // "a) MI within 6 months; b) stroke; c) uncontrolled hypertension": the run the marker opens goes on in the
        // line, each next marker an item of its own beside it
        List<int[]> next = InlineEnumeration.continuation(text, content, end, m.group().strip());
        if (!next.isEmpty()) {
          cut = next.get(0)[0];
          lines.add(new Line(pos, cut, indent, kind, number, content));
          for (int i = 0; i < next.size(); i++) {
            int lineEnd = i + 1 < next.size() ? next.get(i + 1)[0] : end;
            lines.add(new Line(next.get(i)[0], lineEnd, indent, kind, number, next.get(i)[1]));
          }
        }
      }
      if (cut < 0) lines.add(new Line(pos, end, indent, kind, number, content));
      pos = end + 1;
    }
    return lines;
  }

  private static int indent(String line) {
    int w = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\u00a0') w++;
      else if (c == '\t') w += 4;
      else break;
    }
    return w;
  }

  private static String kind(Matcher m) {
    if (m.group(2) != null) return "num" + m.group(3);
    if (m.group(4) != null) return "(num)";
    if (m.group(5) != null) return Character.isUpperCase(m.group(5).charAt(0)) ? "ALPHA" + m.group(6) : "alpha"
        + m.group(6);
    if (m.group(7) != null) return "(alpha)";
    if (m.group(8) != null) return "bullet" + m.group(8);
    if (m.group(10) != null) return "roman" + m.group(11);
    if (m.group(12) != null) return "bullet" + m.group(12);
    return "circled";
  }

  private List<Node> markedNodes(String text, List<Line> lines, List<String> notes) {
    List<Node> roots = new ArrayList<>();
    List<Node> stack = new ArrayList<>();
    Node current = null;
    boolean previousBlank = false;
    for (Line line : lines) {
      if (line.blank(text)) {
        previousBlank = true;
        continue;
      }
      if (line.kind() == null) {
        String content = text.substring(line.contentStart(), line.end()).strip();
        if (current == null) {
          if (PREAMBLE.matcher(content).matches() && content.length() < 240) {
            notes.add("preamble not read as a criterion: \"" + content + "\"");
            continue;
          }
          current = new Node("none", line.indent(), line.contentStart(), line.end());
          current.heading = subHeading(content);
          roots.add(current);
          stack.clear();
          stack.add(current);
        } else if (previousBlank && Character.isUpperCase(content.codePointAt(0))
            && (ENDS_ITEM.matcher(text.substring(current.start, current.end).strip()).find()
            || NOTE.matcher(content).find()) || subHeading(content) && (previousBlank
            || PART_FIRST.matcher(content).lookingAt()
            || !RUNS_ON.matcher(text.substring(current.start, current.end).strip()).find())
            || systemHeading(content, text.substring(current.start, current.end).strip())) {
          // "Cohort B (warm AIHA):" after a blank line heads the bullets below it; glued onto the item before, it
          // made a rule nobody wrote ("Platelet count < 30 x 10^9/L Cohort B (warm AIHA):")
          current = new Node("none", line.indent(), line.contentStart(), line.end());
          current.heading = subHeading(content);
          roots.add(current);
          stack.clear();
          stack.add(current);
        } else {
          current.end = line.end();
        }
        previousBlank = false;
        continue;
      }
      previousBlank = false;
      Node node = new Node(line.kind(), line.indent(), line.contentStart(), line.end());
      int level = -1;
      for (int i = stack.size() - 1; i >= 0; i--) {
        Node s = stack.get(i);
        if (s.kind.equals(node.kind) && Math.abs(s.indent - node.indent) <= 1) {
          level = i;
          break;
        }
      }
      if (level >= 0) {
        while (stack.size() > level) stack.remove(stack.size() - 1);
      } else if (!stack.isEmpty()) {
        Node top = stack.get(stack.size() - 1);
        String topText = text.substring(top.start, top.end).strip();
        boolean opensList = topText.endsWith(":") || topText.endsWith("：") || FOLLOWING.matcher(topText).find();
        if (node.indent > top.indent + 1 || (opensList && node.indent >= top.indent)) {
          // a sub-item: stays on the stack below its parent
        } else if (node.indent < top.indent - 1) {
          stack.clear();
        } else {
          stack.remove(stack.size() - 1);
        }
      }
      if (stack.isEmpty()) roots.add(node);
      else stack.get(stack.size() - 1).children.add(node);
      stack.add(node);
      current = node;
    }
    return roots;
  }

  /** Marker-less text: units of lines, cut into sentences; "following: a; b" gets sub-items, other ";" lists split. */
  private List<Node> proseNodes(String text, List<Line> lines) {
    List<int[]> units = new ArrayList<>();
    int[] unit = null;
    String previous = null;
    for (Line line : lines) {
      if (line.blank(text)) {
        unit = null;
        previous = null;
        continue;
      }
      String content = text.substring(line.contentStart(), line.end()).strip();
      boolean starts = unit == null || (previous != null && ENDS_LINE.matcher(previous).find()
          && Character.isUpperCase(content.codePointAt(0)))
          || previous != null && subHeading(content) && !RUNS_ON.matcher(previous).find()
          || previous != null && systemHeading(content, previous);
      if (starts) {
        unit = new int[] {line.contentStart(), line.end()};
        units.add(unit);
      } else {
        unit[1] = line.end();
      }
      previous = content;
    }
    List<Node> nodes = new ArrayList<>();
    for (int[] u : units) {
      for (int[] sentence : sentences(text, u[0], u[1])) nodes.addAll(semicolonNodes(text, sentence[0], sentence[1]));
    }
    return nodes;
  }

  private static List<int[]> sentences(String text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(text).region(from, to);
    int start = from;
    while (m.find()) {
      String before = text.substring(start, m.start());
      if (ABBREVIATION_BEFORE.matcher(before).find() || depth(before) > 0) continue;
      out.add(new int[] {start, m.start()});
      start = m.end();
    }
    out.add(new int[] {start, to});
    return out;
  }

  private static List<Node> semicolonNodes(String text, int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') depth++;
      else if ((c == ')' || c == ']') && depth > 0) depth--;
      else if (c == ';' && depth == 0) {
        parts.add(new int[] {start, i + 1});
        start = i + 1;
      }
    }
    if (!text.substring(start, to).isBlank()) parts.add(new int[] {start, to});
    else if (!parts.isEmpty()) parts.get(parts.size() - 1)[1] = to;
    Node whole = new Node("prose", 0, from, to);
    if (parts.size() < 2) return List.of(whole);
    Matcher following = FOLLOWING.matcher(text).region(from, to);
    if (following.find() && following.end() <= parts.get(0)[1]) {
      Node parent = new Node("prose", 0, from, following.end());
      int firstStart = following.end();
      for (int[] p : parts) {
        parent.children.add(new Node("prose", 0, Math.max(p[0], firstStart), trimSemicolon(text, p[0], p[1])));
      }
      return List.of(parent);
    }
    List<Node> nodes = new ArrayList<>();
    for (int[] p : parts) nodes.add(new Node("prose", 0, p[0], trimSemicolon(text, p[0], p[1])));
    return nodes;
  }

  private static int trimSemicolon(String text, int start, int end) {
    return end > start && text.charAt(end - 1) == ';' ? end - 1 : end;
  }

  private static int depth(String s) {
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') d++;
      else if (c == ')' && d > 0) d--;
    }
    return d;
  }
}
