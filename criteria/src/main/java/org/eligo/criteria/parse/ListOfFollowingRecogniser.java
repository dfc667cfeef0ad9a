package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.Unparsed;
import org.eligo.criteria.text.CriterionItem;

/**
 * Reads "at least two of the following:", "at least one of the following ... : a, b, or c", "any of the following",
 * "all of the following" over the item's sub-items or the list after the colon, each part parsed with the heading's
 * own words ("history of", "intolerance to"): {@link AtLeast}, {@link AnyOf} or {@link AllOf}; under a heading that
 * opens with a negation ("No prior treatment with any of the following:") {@link Not} of it. Parts not understood stay {@link Unparsed} inside, so the count
 * never decides on a guess.
 */
final class ListOfFollowingRecogniser implements Recogniser {
  private static final Pattern LIST = Pattern.compile(
      "\\b(?:(?:at least|a minimum of|minimum of|no fewer than)\\s+(?<n>" + Numbers.NUMBER + ")\\s*(?:\\(\\d\\)\\s*)?"
          + "|(?<more>" + Numbers.NUMBER + ")\\s+or\\s+more\\s+"
          // "More than one of the following: MI, stroke, PE": at least two (§50); read as a list without a count, any
          // one of them had excluded
          + "|(?:more|greater)\\s+than\\s+(?<gt>" + Numbers.NUMBER + ")\\s+"
          // "Patients must have one of the following:", "Only one of the following is required:": any one of them
          + "|(?<any>any|one or more|either|any one|one)\\s+|(?<all>all|each\\s+one|every\\s+one|each|both)\\s+"
          // "Two of the following:", "Three of the following four criteria:" (a ceiling before it: CEILING)
          + "|(?<bare>" + Numbers.NUMBER + ")\\s+(?:\\(\\d\\)\\s*)?)(?:of|from)\\s+(?:the\\s+)?following\\b");

  /**
   * Before a count, words that make it a ceiling: "At most one of the following:", "Up to two of the following:", "No
   * more than 2 of: …", "Fewer than two of …" (group "under": one less).
   */
  private static final Pattern CEILING = Pattern.compile("(?i)(?:\\b(?:at\\s+most|up\\s+to|(?:a\\s+)?maximum\\s+of"
      + "|(?:no|not)\\s+more\\s+than)|≤|<=|=<|(?<under>\\b(?:fewer|less)\\s+than))\\s*$");
  private static final Pattern EXACTLY = Pattern.compile("(?i)\\bexactly\\s*$");
  /**
   * Before a bare count, the lower end of a range of counts: "One or two of the following:", "1-2 of the following:",
   * "one to two of the following:" (§83). Read as the bare count alone, every item of two was required.
   */
  private static final Pattern RANGE_LOW = Pattern.compile("(?i)\\b(?<low>" + Numbers.NUMBER
      + ")\\s*(?:\\bor\\b|\\bto\\b|-|\u2013)\\s*$");
  /**
   * After "only one of the following", words that allow it rather than require it: "Only one of the following may be
   * present:", "… is allowed", "… is permitted", "… can apply" (§83): a ceiling. "Only one of the following is
   * required:" stays any one of them.
   */
  private static final Pattern ALLOW_WORDS = Pattern.compile("(?i)\\b(?:(?:is|are|may|can|could)\\s+)?(?:be\\s+)?"
      + "(?:present|allowed|permitted|acceptable|tolerated|apply|applies|met)\\b|\\b(?:may|can|could)\\b");
  private static final Pattern OR_BOTH = Pattern.compile("(?i)\\b(?:one|either|1|any)\\s+or\\s*$");
  private static final Pattern ONLY = Pattern.compile("(?i)\\bonly\\s*$");
  private static final Pattern ALLOWED = Pattern.compile("(?i)^[^:]*\\b(?:may|can|could|allowed|permitted"
      + "|acceptable|tolerated)\\b");
  /** After "the following", the size of the list: "three of the following four criteria:". */
  private static final Pattern TOTAL = Pattern.compile("(?i)^\\s*(?<total>" + Numbers.NUMBER + ")(?![\\d.,])");
  /** Before a bare count, words that make it some other comparison: "exactly", "only", "than", "to". */
  private static final Pattern BARE_COMPARED = Pattern.compile("(?i)\\b(?:than|to|most|maximum|max|exactly|only|over"
      + "|under|above|below|first|last|in|within|the)\\s*$");

  /**
   * A heading ending "as one of:", "either:", "any of:", "one of these criteria:", "(either):": one of the items below
   * will do.
   */
  private static final Pattern ONE_OF_HEADING = Pattern.compile("(?i)(?:\\b(?:one of|either|any of|one or more of)"
      + "(?: these| the below)?(?:\\s+(?:criteria|conditions|findings|features|options))?|\\(\\s*either\\s*\\))"
      + "\\s*:\\s*$");
  /** "fulfilling at least 5 of the 8 HLH-2004 diagnostic criteria:": a count of the items below. */
  private static final Pattern COUNT_HEADING = Pattern.compile("(?i)\\b(?:(?:at least|a minimum of|minimum of"
      + "|no fewer than|≥)\\s*(?<n>" + Numbers.NUMBER + ")|(?:more|greater)\\s+than\\s+(?<gt>" + Numbers.NUMBER + "))\\s+(?:\\(\\d\\)\\s*)?(?:of|from)\\s+(?:the\\s+|these\\s+)?"
      + "(?:" + Numbers.NUMBER + "\\s+)?[^:;.]{0,60}:\\s*$");
  /** A sub-item ending in "or" ("hemoglobin ≤ 10 g/dL, or"): the next one is its alternative. */
  private static final Pattern ENDS_IN_OR = Pattern.compile("(?i)[,;]?\\s*\\b(?:or|and/or)\\s*[,;:.]?\\s*$");
  private static final Pattern EXAMPLES = Pattern.compile("(?i)\\b(?:e\\.\\s?g\\b|for example|such as|for instance)");

  /** Whether a heading makes the items below one rule ("as one of:", "at least 5 of the 8 criteria:"). */
  static boolean listHeading(String heading) {
    // "Patients receiving anticoagulation who have at least 2 of these risk factors:": the heading is a condition of
    // its own, which counting the items would drop
    if (conditionalHeading(heading)) return false;
    // "one of the following within 6 months:": the window binds the items (HeadingWindow), the list is the same
    String h = HeadingWindow.without(heading).strip();
    return ONE_OF_HEADING.matcher(h).find() || COUNT_HEADING.matcher(h).find();
  }

  /** Whether a heading names whom its items are for ("who", "receiving", "with"). */
  static boolean conditionalHeading(String heading) {
    return WHOSE.matcher(heading).find();
  }

  private static final Pattern WHOSE = Pattern.compile("(?i)\\b(?:who|whose|receiving|taking|treated with|if|when)\\b");

  /** Whether every sub-item but the last ends in "or": alternatives, of which one will do. */
  static boolean alternatives(List<CriterionItem> children) {
    if (children.size() < 2) return false;
    for (int i = 0; i < children.size() - 1; i++) {
      if (!ENDS_IN_OR.matcher(children.get(i).text().strip()).find()) return false;
    }
    return true;
  }

  /**
   * A heading that denies what it lists, at its start: "No history of the following:", "None of the following:",
   * "Patients must not have any of the following:", "Subjects who have not received any of these:". Group "neg" is the
   * negation; what follows it is the heading's own reading of each item ("history of", "received").
   */
  private static final Pattern LEADING_NEGATION = Pattern.compile("(?i)^\\s*(?:(?:patients?|subjects?|participants?"
      + "|individuals?|the patient|those)\\s+(?:who\\s+)?)?(?<neg>(?:must|should|shall|will|may|do|does|did|can)\\s+not"
      + "|(?:has|have|had)\\s+(?:not|never)|(?:is|are|was|were)\\s+not|none\\s+of|no|not|neither|without|free\\s+of"
      + "|absence\\s+of|never)\\b[\\s,]*");
  /** A negation word anywhere: one the heading does not open with is not understood. */
  private static final Pattern NEGATION_WORD = Pattern.compile("(?i)\\b(?:no|not|never|none|neither|nor|without"
      + "|n't)\\b|n't\\b");
  /** The list words that end a heading's lead: "(any of) the following (conditions):", "any of these:". */
  private static final Pattern LIST_WORDS = Pattern.compile("(?i)\\s*(?:(?:(?:at least|a minimum of|minimum of"
      + "|no fewer than)\\s+\\S+|any|all|each|either|one or more|any one|one)\\s+(?:of|from)\\s+)?(?:the\\s+|these"
      + "\\b\\s*)?(?:following\\b)?[^:]*:?\\s*$");

  /** Whether a heading over sub-items denies every one of them ("No history of the following:"). */
  static boolean negatedHeading(String heading) {
    String h = heading.strip();
    return h.endsWith(":") && LEADING_NEGATION.matcher(h).lookingAt();
  }

  /**
   * What a heading says before its list, which each item continues: "No prior treatment with any of the following: a,
   * b" is "no prior treatment with a" for each item, "History of any of the following:" dates each item as history,
   * "Intolerance to any of the following:" is a question about each. {@code negated} is set when the lead opens with a
   * negation, which is left out of the lead (the caller denies the whole list). Null when the lead holds nothing an item
   * needs (each item is then read alone, as written), or a negation it does not open with (the list is not understood).
   */
  private record Lead(String words, boolean negated, boolean unclear) {}

  private static Lead lead(String before) {
    String words = before;
    boolean negated = false;
    Matcher n = LEADING_NEGATION.matcher(words);
    if (n.lookingAt()) {
      negated = true;
      words = words.substring(n.end());
    }
    if (NEGATION_WORD.matcher(words).find()) return new Lead("", negated, true);
    words = words.strip();
    // only words that say when, how or whether: a subject ("Anyone who has") or a moment for labs adds nothing
    return new Lead(LEAD_MEANING.matcher(words).find() ? words : "", negated, false);
  }

  /** Lead words that change how an item reads: time words, exposure words, narrowing words. */
  private static final Pattern LEAD_MEANING = Pattern.compile("(?i)\\b(?:history|prior|previous(?:ly)?|past|ever"
      + "|current(?:ly)?|concurrent|active|ongoing|received|receiving|treated|treatment|therapy|exposure|exposed|use"
      + "|used|using|taking|took|taken|within|during|intoleran\\w*|allerg\\w*|hypersensitiv\\w*|refractory|resistant"
      + "|fail\\w*|relapse\\w*|contraindicat\\w*)\\b");

  private static Rule item(Sentence s, String lead, HeadingWindow window, CriterionItem child) {
    if (!child.children().isEmpty()) return s.parser.parseNested(child, s.criteriaText, s.depth + 1);
    String text = window.applyTo(child.text().strip());
    Rule rule = lead.isEmpty() && text.equals(child.text().strip())
        ? s.parser.parseNested(child, s.criteriaText, s.depth + 1)
        : s.parser.parseNested(lead.isEmpty() ? text : lead + " " + text, child.type(), s.depth + 1);
    return window.finish(child.text(), rule);
  }

  private static Rule item(Sentence s, String lead, HeadingWindow window, String part) {
    String text = window.applyTo(part);
    Rule rule = s.parser.parseNested(lead.isEmpty() ? text : lead + " " + text, s.type, s.depth + 1);
    return window.finish(part, rule);
  }

  /**
   * A count over the list after the colon written without "at least N of the following" (§72): "at least two of: a,
   * b, c", "two or more of: a; b; c", "≥ 2 of the following: a, b and c", "any two of: …", "2 of the 3 following
   * criteria: …". A bare number ("2 of the 3 …") counts only with the list's size or "following" beside it.
   */
  private static final Pattern INLINE_COUNT = Pattern.compile("(?i)(?:(?<least>\\b(?:at\\s+least|a\\s+minimum\\s+of"
      + "|minimum\\s+of|no\\s+fewer\\s+than)\\s+|(?:≥|>=|=>)\\s*|\\bany\\s+)|\\b)(?<n>" + Numbers.NUMBER + ")"
      + "(?<more>\\s+or\\s+more)?\\s+(?:\\(\\d\\)\\s*)?(?:of|from|out\\s+of)\\s*(?:the\\s+|these\\s+)?(?:(?<total>"
      + Numbers.NUMBER + ")\\s+)?(?<following>following\\b\\s*)?(?:(?:laboratory\\s+|lab\\s+|diagnostic\\s+|clinical\\s+)?"
      + "(?:criteria|criterion|features?|findings?|values?|parameters?|abnormalit(?:y|ies)|conditions?|items?)\\s*)?"
      + "(?:below\\s*)?:");

  /**
   * Before an inline count, the name the count defines: "Severe aplastic anemia defined by at least two of: …",
   * "SAA, defined as …", "… (as defined by …". Group "name" is what is defined.
   */
  private static final Pattern DEFINED = Pattern.compile("(?i)^\\s*(?<name>.*?\\S)[\\s,]*\\(?\\s*(?:(?:as\\s+)?defined"
      + "\\s+(?:by|as)|as\\s+evidenced\\s+by|characteri[sz]ed\\s+by|meeting|fulfill?ing|with)\\s*(?:the\\s+presence\\s+of"
      + "\\s*)?$");
  /** A bare number that is the end of another comparison: "more than one of", "up to two of", "fewer than 3 of". */
  private static final Pattern COMPARED = Pattern.compile("(?i)\\b(?:than|to|most|maximum|max|exactly|only|over"
      + "|under|above|below|each|every)\\s*$");
  /** An inline count opening a parenthesis: "Severe aplastic anemia (at least 2 of: …)". */
  private static final Pattern PARENTHESIS_OPEN = Pattern.compile("\\S[\\s,]*\\(\\s*$");
  /** Before an inline count, a requirement joined to it by "and". */
  private static final Pattern AND_BEFORE = Pattern.compile("(?i)^\\s*(?<head>.*?\\S)[\\s,]+and\\s*$");
  /** "Severe aplastic anemia defined by marrow cellularity < 25%": a name and the first part of its definition. */
  private static final Pattern DEFINED_BY_INSIDE = Pattern.compile("(?i)^\\s*(?<name>.*?\\S)[\\s,]*\\(?\\s*(?:as\\s+)?"
      + "defined\\s+(?:by|as)\\s+(?:the\\s+presence\\s+of\\s+)?(?<definition>\\S.*)$");
  /** Before an inline count, words that only say the patient must meet it: "Patients must have", "Meeting", "Presence of". */
  private static final Pattern FILLER = Pattern.compile("(?i)^\\s*(?:(?:patients?|subjects?|participants?)\\s+"
      + "(?:who\\s+)?)?(?:(?:must|should|shall|will)\\s+)?(?:have|has|having|meet|meets|meeting|fulfill?s?|fulfill?ing"
      + "|satisfy|satisfying|presence\\s+of|with|demonstrat\\w+|show\\w*)?[\\s,:]*$");

  /**
   * "One or both of: a, b", "Either or both of: a or b", "Patients with one or both of the following: a; b" written
   * inline (§84): any of the items, as §83 reads the heading. Read before, the "one or both" was dropped and a comma
   * list read as all of them: a patient with a low platelet count and a normal hemoglobin was failed.
   */
  private static final Pattern INLINE_OR_BOTH = Pattern.compile("(?i)\\b(?:one|either|1|any)\\s+or\\s+both\\b\\s*"
      // "One or both: a and b" (§85): the "of" may be left out
      + "(?:(?:of|from)\\s*)?(?:the\\s+|these\\s+)?(?:following\\b\\s*)?(?:(?:laboratory\\s+|lab\\s+|clinical\\s+)?"
      + "(?:criteria|criterion|features?|findings?|values?|parameters?|abnormalit(?:y|ies)|conditions?|items?)\\s*)?"
      + "(?:below\\s*)?:");

  private static boolean inlineOrBoth(Sentence s) {
    Matcher m = INLINE_OR_BOTH.matcher(s.text);
    if (!m.find()) return false;
    List<String> items = serial(inlineParts(s.text.substring(m.end())));
    if (items.size() == 1) {
      // "One or both of: a and b": the two items joined once, outside brackets ("both" names two)
      String only = items.get(0);
      Matcher j = LAST_JOIN.matcher(only);
      List<Integer> joins = new ArrayList<>();
      while (j.find()) if (!only.substring(0, j.start()).contains("(")) joins.add(j.start());
      if (joins.size() == 1) {
        j.find(joins.get(0));
        items = List.of(only.substring(0, j.start()).strip(), only.substring(j.end()).strip());
      }
    }
    if (items.size() < 2) return false;
    String before = s.text.substring(0, m.start());
    Lead lead = lead(HeadingWindow.without(before));
    // "Patients who received one or both of: …": the lead words ("received") are read with each item, as a range
    if (lead.unclear() || lead.negated() || !(FILLER.matcher(before).matches() || !lead.words().isEmpty())) {
      s.settle(new Unparsed("words before \u201cone or both of\u201d a list are not understood"));
      return true;
    }
    HeadingWindow window = HeadingWindow.of(s.text.substring(0, m.end()));
    List<Rule> parts = new ArrayList<>();
    for (String part : items) parts.add(item(s, lead.words(), window, part));
    s.settle(new AnyOf(parts));
    return true;
  }

  /**
   * Reads an inline count ({@link #INLINE_COUNT}) over the list after its colon as {@link AtLeast}. A name the count
   * defines ("Severe aplastic anemia defined by at least two of: …") is kept beside it, widened to its broader
   * diagnoses: the definition, not the code, says whether an aplastic anemia is severe, so a record coding only
   * "aplastic anemia" meets it when the counts do. Other words before the count are not understood (asked): read
   * without them, "Patients with diabetes and at least two of: …" had counted the list alone.
   */
  private static boolean inlineCount(Sentence s) {
    if (!s.children.isEmpty()) return false;
    if (inlineOrBoth(s)) return true;
    Matcher m = INLINE_COUNT.matcher(s.text);
    while (m.find()) {
      Matcher ceiling = CEILING.matcher(s.text.substring(0, m.start()));
      if (m.group("least") == null && m.group("more") == null && ceiling.find()) {
        // "Up to 2 of: a, b, c", "No more than two of: …": a ceiling (§77)
        List<String> items = serial(inlineParts(s.text.substring(m.end())));
        if (items.size() < 2) return false;
        Lead lead = lead(HeadingWindow.without(s.text.substring(0, ceiling.start())));
        if (lead.unclear()) {
          s.settle(new Unparsed("a negation before a counted list is not understood"));
          return true;
        }
        if (m.group("total") != null && Numbers.count(m.group("total")) != items.size()) {
          s.settle(new Unparsed("names a list of " + m.group("total") + " but lists " + items.size()));
          return true;
        }
        HeadingWindow window = HeadingWindow.of(s.text.substring(0, m.end()));
        List<Rule> parts = new ArrayList<>();
        for (String part : items) parts.add(item(s, lead.words(), window, part));
        s.settle(ceiling(s, Numbers.count(m.group("n")) - (ceiling.group("under") != null ? 1 : 0), parts,
            lead.negated()));
        return true;
      }
      Matcher range = RANGE_LOW.matcher(s.text.substring(0, m.start()));
      if (m.group("least") == null && m.group("more") == null && range.find()) {
        // "One or two of: a, b, c", "1-2 of the following: a; b; c": a range of counts (§83); read as the second
        // count over an unread first, every item was required
        List<String> items = serial(inlineParts(s.text.substring(m.end())));
        if (items.size() < 2) return false;
        String before = s.text.substring(0, range.start());
        Lead lead = lead(HeadingWindow.without(before));
        if (lead.unclear() || !(FILLER.matcher(before).matches() || !lead.words().isEmpty())) {
          s.settle(new Unparsed("words before a range of counts over a list are not understood"));
          return true;
        }
        if (m.group("total") != null && Numbers.count(m.group("total")) != items.size()) {
          s.settle(new Unparsed("names a list of " + m.group("total") + " but lists " + items.size()));
          return true;
        }
        HeadingWindow window = HeadingWindow.of(s.text.substring(0, m.end()));
        List<Rule> parts = new ArrayList<>();
        for (String part : items) parts.add(item(s, lead.words(), window, part));
        s.settle(range(s, Numbers.count(range.group("low")), Numbers.count(m.group("n")), parts, lead.negated()));
        return true;
      }
      // "Two of: a, b, c", "Patients must have 2 of: …": a bare count opening the sentence counts (§83); left to the
      // other passes, each item was required (the count unread)
      if (m.group("least") == null && m.group("more") == null && m.group("total") == null
          && m.group("following") == null && !FILLER.matcher(s.text.substring(0, m.start())).matches()) continue;
      int count = Numbers.count(m.group("n"));
      // "Severe aplastic anemia (at least 2 of: a, b, c)": the parenthesis is the name's definition
      String list = s.text.substring(m.end());
      boolean bracketed = PARENTHESIS_OPEN.matcher(s.text.substring(0, m.start())).find()
          && list.strip().replaceFirst("[.;]$", "").endsWith(")");
      if (bracketed) list = list.strip().replaceFirst("[.;]$", "").replaceFirst("\\)$", "");
      List<String> items = serial(inlineParts(list));
      if (items.size() < 2) return false;
      String before = s.text.substring(0, m.start());
      // "Previously treated with at least two of: corticosteroids, IVIG, rituximab": PriorTherapyCount's
      if (PriorTherapyCount.treatmentLead(before)) return false;
      // "more than one of the following", "up to two of": another count, read by LIST or not at all
      if (m.group("least") == null && COMPARED.matcher(before).find()) return false;
      if (m.group("total") != null && Numbers.count(m.group("total")) != items.size()) {
        s.settle(new Unparsed("asks for " + count + " of " + m.group("total") + " but lists " + items.size()));
        return true;
      }
      if (count < 1 || count > items.size()) {
        s.settle(new Unparsed("asks for " + count + " of a list of " + items.size()));
        return true;
      }
      Lead lead = lead(HeadingWindow.without(before));
      if (lead.unclear() || lead.negated()) {
        s.settle(new Unparsed("a negation before a counted list is not understood"));
        return true;
      }
      // "Severe aplastic anemia defined by marrow cellularity < 25% and at least two of: …", "Patients with diabetes
      // and at least two of: …": what comes before "and" is required beside the count
      Matcher joined = AND_BEFORE.matcher(before);
      if (joined.matches() && !FILLER.matcher(joined.group("head")).matches()) {
        Matcher inside = DEFINED_BY_INSIDE.matcher(joined.group("head"));
        Rule first = inside.matches()
            ? AllOf.of(orBroader(s, s.parser.parseNested(inside.group("name"), s.type, s.depth + 1)),
                s.parser.parseNested(inside.group("definition"), s.type, s.depth + 1))
            : s.parser.parseNested(joined.group("head"), s.type, s.depth + 1);
        HeadingWindow window = HeadingWindow.of(s.text.substring(0, m.end()));
        List<Rule> parts = new ArrayList<>();
        for (String part : items) parts.add(item(s, "", window, part));
        s.settle(AllOf.of(first, count == items.size() ? new AllOf(parts) : count == 1 ? new AnyOf(parts)
            : new AtLeast(count, parts)));
        return true;
      }
      Matcher defined = DEFINED.matcher(before);
      // "Patients with at least two of: …": "with" after a subject defines nothing (read as a name, it was asked)
      String name = FILLER.matcher(before).matches() ? null : defined.matches()
          ? defined.group("name").replaceFirst("[\\s,(]+$", "")
          : bracketed ? before.replaceFirst("[\\s,]*\\(\\s*$", "").strip() : null;
      if (name != null && name.isEmpty()) name = null;
      boolean filler = FILLER.matcher(before).matches();
      // "History of at least two of: a, b, c": each item read with the words that say when, as after "the following"
      String words = filler || name != null ? "" : lead.words();
      if (!filler && name == null && words.isEmpty()) {
        s.settle(new Unparsed("words before a counted list are not understood"));
        return true;
      }
      HeadingWindow window = HeadingWindow.of(s.text.substring(0, m.end()));
      List<Rule> parts = new ArrayList<>();
      for (String part : items) parts.add(item(s, words, window, part));
      Rule counted = count == items.size() ? new AllOf(parts) : count == 1 ? new AnyOf(parts) : new AtLeast(count, parts);
      if (name == null) {
        s.settle(counted);
        return true;
      }
      Rule named = s.parser.parseNested(name, s.type, s.depth + 1);
      s.settle(AllOf.of(orBroader(s, named), counted));
      return true;
    }
    return false;
  }

  /** "a, b and c", "a, b, or c": the last comma's part holds two items when the list is written serially. */
  private static final Pattern LAST_JOIN = Pattern.compile("(?i)\\s+(?:and/or|and|or)\\s+");

  private static List<String> serial(List<String> items) {
    if (items.size() < 2) return items;
    String last = items.get(items.size() - 1);
    Matcher j = LAST_JOIN.matcher(last);
    int at = -1;
    int depth = 0;
    for (int i = 0; i < last.length() && at < 0; i++) {
      char c = last.charAt(i);
      if (c == '(') depth++;
      else if (c == ')' && depth > 0) depth--;
      else if (depth == 0 && Character.isWhitespace(c) && j.find(i) && j.start() == i) at = i;
    }
    if (at < 0) return items;
    int end = j.end();
    if (j.find(end)) return items;
    List<String> out = new ArrayList<>(items.subList(0, items.size() - 1));
    out.add(last.substring(0, at).strip());
    out.add(last.substring(end).strip());
    return out;
  }

  /** A diagnosis or any broader one: the definition after it decides the rest. */
  private static Rule orBroader(Sentence s, Rule named) {
    if (!(named instanceof org.eligo.core.rule.ConditionRule c)) return named;
    java.util.Set<String> concepts = new java.util.LinkedHashSet<>(c.concepts());
    for (String concept : c.concepts()) concepts.addAll(s.context.lexicon().broaderThan(concept));
    if (concepts.size() == c.concepts().size()) return c;
    return new org.eligo.core.rule.ConditionRule(concepts, c.except(), c.window(), c.label() + " or a broader diagnosis");
  }

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty() && !LIST.matcher(s.lower).find()) {
      readHeading(s);
      return;
    }
    if (inlineCount(s)) return;
    if (!s.lower.contains("following")) return;
    Matcher m = LIST.matcher(s.lower);
    if (!m.find()) {
      excludedList(s);
      return;
    }
    // "Any of the following within 6 months prior to enrollment:", "Within 6 months, any of the following:": the
    // window binds every item, and the lead keeps only its other words ("History of")
    int colon = s.text.indexOf(':', m.end());
    HeadingWindow window = HeadingWindow.of(s.children.isEmpty() && colon >= 0 ? s.text.substring(0, colon) : s.text);
    String beforeList = s.text.substring(0, m.start());
    // "At most one of the following:", "Up to two of the following:": a ceiling, never "any of" (§77)
    Matcher ceiling = CEILING.matcher(beforeList);
    boolean capped = ceiling.find() && ("one".equals(m.group("any")) || m.group("bare") != null);
    // "Exactly one of the following:": that many and no more; read as "any of", in the exclusion list it excluded a
    // patient with both
    Matcher exactly = EXACTLY.matcher(beforeList);
    boolean exact = !capped && exactly.find() && ("one".equals(m.group("any")) || m.group("bare") != null);
    // "Only one of the following may be present:": at most one, never "any of" (§83)
    Matcher only = ONLY.matcher(beforeList);
    boolean onlyCapped = false;
    if (!capped && !exact && "one".equals(m.group("any")) && only.find()
        && ALLOWED.matcher(s.text.substring(m.end())).find()) {
      capped = true;
      onlyCapped = true;
      ceiling = only;
    }
    // "One or two of the following:": at least the first, at most the second (§83)
    Matcher range = RANGE_LOW.matcher(beforeList);
    boolean ranged = !capped && !exact && m.group("bare") != null && range.find();
    // "One or both of the following:", "Either or both of the following:": any of them; read as "both", a patient
    // with one was INELIGIBLE (§83)
    Matcher orBoth = OR_BOTH.matcher(beforeList);
    boolean eitherOrBoth = !capped && !exact && !ranged && "both".equalsIgnoreCase(m.group("all")) && orBoth.find();
    if (eitherOrBoth) beforeList = beforeList.substring(0, orBoth.start());
    else if (ranged) beforeList = beforeList.substring(0, range.start());
    else if (capped) beforeList = beforeList.substring(0, ceiling.start());
    else if (exact) beforeList = beforeList.substring(0, exactly.start());
    else if (m.group("bare") != null && BARE_COMPARED.matcher(beforeList).find()) {
      s.settle(new Unparsed("a count compared in words not understood (\u201c" + s.text.substring(0, m.end()).strip()
          + "\u201d)"));
      return;
    }
    Lead lead = lead(HeadingWindow.without(beforeList));
    if (lead.unclear()) {
      s.settle(new Unparsed("a negation inside a list's heading is not understood"));
      return;
    }
    List<Rule> parts = new ArrayList<>();
    if (!s.children.isEmpty()) {
      for (CriterionItem child : s.children) parts.add(item(s, lead.words(), window, child));
    } else {
      if (colon < 0) return;
      for (String part : inlineParts(s.text.substring(colon + 1))) parts.add(item(s, lead.words(), window, part));
    }
    if (parts.isEmpty()) return;
    // "Any of the following, if uncontrolled: a) hypertension; b) diabetes": the words after the list's own qualify
    // every item; read alone, any hypertension had excluded. Each item is asked with them.
    String tail = s.text.substring(m.end(), colon >= 0 ? colon : s.text.length());
    // "Three of the following four criteria:": the list's size, which must be the number of items
    Matcher total = TOTAL.matcher(tail);
    if (total.find()) {
      if (Numbers.count(total.group("total")) != parts.size()) {
        s.settle(new Unparsed("names a list of " + total.group("total") + " but lists " + parts.size()));
        return;
      }
      tail = tail.substring(total.end());
    }
    // "may be present", "is allowed" after "Only one of the following" made it a ceiling: no qualifier of the items
    String qualifier = qualifier(onlyCapped ? ALLOW_WORDS.matcher(tail).replaceAll(" ") : tail);
    if (qualifier != null && !lead.negated()) {
      Ask applies = new Ask("Does this apply to the patient: \u201c" + s.text.substring(0, colon >= 0 ? colon : s.text
          .length()).strip() + "\u201d?");
      parts.replaceAll(part -> part instanceof Unparsed ? part : new AllOf(List.of(part, applies)));
    }
    if (ranged) {
      s.settle(range(s, Numbers.count(range.group("low")), Numbers.count(m.group("bare")), parts, lead.negated()));
      return;
    }
    if (capped) {
      int most = Numbers.count(m.group("bare") != null ? m.group("bare") : "one")
          - (ceiling.pattern() == CEILING && ceiling.group("under") != null ? 1 : 0);
      s.settle(ceiling(s, most, parts, lead.negated()));
      return;
    }
    // "Two or more of the following:" counts as "at least two of"; "Both of the following:" as "all of"
    String n = m.group("n") != null ? m.group("n") : m.group("more") != null ? m.group("more") : m.group("bare");
    int count = n != null ? Numbers.count(n) : m.group("gt") != null ? Numbers.count(m.group("gt")) + 1
        : m.group("all") != null && !eitherOrBoth ? parts.size() : 1;
    if (count < 1 || count > parts.size()) {
      s.settle(new Unparsed("asks for " + count + " of a list of " + parts.size()));
      return;
    }
    Rule rule = count == parts.size() ? new AllOf(parts) : count == 1 ? new AnyOf(parts) : new AtLeast(count, parts);
    // "Previously treated with at least two of the following: corticosteroids, IVIG, rituximab": a count of
    // treatments fails only a record with none of them (§73)
    Rule treatments = rule instanceof AtLeast && !lead.negated() && !exact
        ? PriorTherapyCount.atLeast(count, parts, s.text) : null;
    if (exact && count < parts.size()) {
      rule = new AllOf(List.of(rule, new Not(count + 1 == parts.size() ? new AllOf(parts)
          : new AtLeast(count + 1, parts))));
    }
    rule = parts.size() == 1 ? parts.get(0) : treatments != null ? treatments : rule;
    // "No prior treatment with any of the following: a, b": none of them, never one of them
    s.settle(lead.negated() ? RuleAssembler.denied(s, rule) : rule);
  }

  /**
   * At least {@code least} and at most {@code most} of the parts (§83): "One or two of the following:" over three
   * counts is met by a patient with one or two of them low and failed by one with all three or none. In the exclusion
   * list a ceiling below the list's size, or under a negation, is asked, as {@link #ceiling} is.
   */
  private static Rule range(Sentence s, int least, int most, List<Rule> parts, boolean negated) {
    if (least < 1 || least > most || least > parts.size()) {
      return new Unparsed("asks for " + least + " to " + most + " of a list of " + parts.size());
    }
    if (negated || (s.type == org.eligo.core.rule.CriterionType.EXCLUSION && most < parts.size())) {
      return new Unparsed("a range of counts on a list in the exclusion list or under a negation is not understood");
    }
    Rule atLeast = least == parts.size() ? new AllOf(parts) : least == 1 ? new AnyOf(parts)
        : new AtLeast(least, parts);
    if (most >= parts.size()) return atLeast;
    return new AllOf(List.of(atLeast, new Not(most + 1 == parts.size() ? new AllOf(parts)
        : new AtLeast(most + 1, parts))));
  }

  /**
   * At most {@code most} of the parts (§77): "At most one of the following: prior rituximab; prior splenectomy" is met
   * by a patient with neither and failed only by one with both. Read as "one of the following" it was "any of", and a
   * patient with neither was INELIGIBLE; read as items of their own, every item was required. In the exclusion list,
   * where it excludes those who have few enough, or under a negation, it is asked.
   */
  private static Rule ceiling(Sentence s, int most, List<Rule> parts, boolean negated) {
    if (negated || s.type == org.eligo.core.rule.CriterionType.EXCLUSION) {
      return new Unparsed("a ceiling on a list in the exclusion list or under a negation is not understood");
    }
    if (most < 1 || most >= parts.size()) return new Unparsed("allows " + most + " of a list of " + parts.size());
    return new Not(most + 1 == parts.size() ? new AllOf(parts) : new AtLeast(most + 1, parts));
  }

  /**
   * The words between a list's own words and its colon that qualify every item ("Any of the following, if
   * uncontrolled:", "Any of the following that required hospitalization:"), or null when they only say what kind of
   * items follow, when, or that they apply ("Any of the following conditions within 6 months:", "any of the following
   * criteria apply:").
   */
  static String qualifier(String tail) {
    String words = HeadingWindow.without(tail);
    words = LIST_KIND.matcher(words).replaceAll(" ").replaceAll("[\\s,;:.()\\-]+", " ").strip();
    return words.isEmpty() ? null : words;
  }

  /** What a list heading may say after its list words without qualifying its items. */
  private static final Pattern LIST_KIND = Pattern.compile("(?i)\\b(?:(?:medical|cardiovascular|cardiac|concurrent"
      + "|concomitant|comorbid|other|laboratory|lab|clinical|prior|previous)\\s+)*(?:conditions?|diseases?"
      + "|disorders?|illness(?:es)?|diagnos[ie]s|comorbidities|events?|criteria|criterion|medications?|drugs?"
      + "|treatments?|therapies|therapy|agents?|risk\\s+factors?|procedures?|infections?|abnormalit(?:y|ies)|values?"
      + "|findings?|features?|items?|exclusions?|inclusions?)\\b"
      // "At least one of the following, defined as:": the items define the list, they are not qualified (§89 amendment)
      + "|\\b(?:as\\s+)?(?:defined|characteri[sz]ed)\\s+(?:as|by)\\b|\\b(?:(?:is|are|must|should|must\\s+be|should\\s+be)\\s+)?(?:met|present|true"
      + "|applies|apply|fulfilled|required|needed|sufficient|enough)\\b|\\bat\\s+(?:the\\s+time\\s+of\\s+)?(?:screening|enrol(?:l)?ment|baseline"
      + "|randomi[sz]ation|study\\s+entry)\\b|\\b(?:(?:that|which)\\s+)?(?:(?:should|would|will|may|must|shall|could)"
      + "\\s+)?(?:be\\s+)?(?:preclude[sd]?|exclude[sd]?|exclusionary|prevents?|disqualif\\w*|prohibit\\w*)\\b(?:\\s+"
      + "(?:from\\s+)?(?:the\\s+)?(?:participation|enrol+ment|inclusion|entry|patients?|subjects?|participants?|study"
      + "|trial)\\b){0,3}");

  /**
   * "The following conditions in the past 3 months: myocardial infarction; stroke" in the exclusion list: each item
   * excludes, as the same items written below the heading do (criteria of their own), so any of them, each with the
   * heading's window. Read as one sentence, the ";" had joined them (all of them), and only a patient with both was
   * excluded. A heading with other words ({@link #PLAIN_LIST}) is left to the other passes.
   */
  private static void excludedList(Sentence s) {
    if (s.type != org.eligo.core.rule.CriterionType.EXCLUSION || !s.children.isEmpty()) return;
    Matcher bare = BARE_LIST.matcher(s.text);
    if (!bare.lookingAt() || !PLAIN_LIST.matcher(HeadingWindow.without(bare.group())).matches()) return;
    List<String> items = inlineParts(s.text.substring(bare.end()));
    if (items.size() < 2) return;
    HeadingWindow window = HeadingWindow.of(bare.group());
    List<Rule> parts = new ArrayList<>();
    for (String part : items) parts.add(item(s, "", window, part));
    s.settle(new AnyOf(parts));
  }

  /**
   * A heading that only lists, with at most the kind of its items and a window: "The following:", "The following
   * conditions in the past 3 months:", "Any of the following diseases:". Other words qualify every item ("The following
   * conditions requiring hospitalization:", "…, if uncontrolled:"), grant them ("The following are allowed:") or say whom
   * they are for: read as the bare items, such a list had excluded on any of them alone, so it is left to the other
   * passes.
   */
  private static final Pattern PLAIN_LIST = Pattern.compile("(?i)\\s*(?:any\\s+)?(?:of\\s+)?the\\s+following(?:\\s+"
      + "(?:(?:medical|cardiovascular|cardiac|concurrent|concomitant|comorbid|other)\\s+)?(?:conditions?|diseases?"
      + "|disorders?|illness(?:es)?|diagnos[ie]s|comorbidities|events?))?\\s*:\\s*");

  /**
   * Whether a heading only lists, after at most a lead that says when ("History of the following:", "The following
   * conditions in the past 3 months:", "Any of the following diseases:"): its items read alone lose nothing of it.
   */
  static boolean plainList(String heading) {
    String h = PLAIN_LEAD.matcher(HeadingWindow.without(heading).strip()).replaceFirst("");
    return PLAIN_LIST.matcher(h).matches();
  }

  private static final Pattern PLAIN_LEAD = Pattern.compile("(?i)^(?:(?:a\\s+)?(?:medical\\s+|past\\s+)?history\\s+of"
      + "|prior|previous|known|current|active)\\s+");

  /** A heading that lists without a count: "The following conditions in the past 3 months:", "The following:". */
  private static final Pattern BARE_LIST = Pattern.compile("(?i)\\s*(?:any\\s+)?(?:of\\s+)?the\\s+following\\b[^:;.]{0,80}:");

  /**
   * The items below a heading that counts them ("at least 5 of the 8 criteria:") or offers them as alternatives ("as
   * one of:", or items ending in "or"), or denies them ("No history of the following:": none of them). Examples only
   * ("e.g.:") leave an inclusion open when none of them is met.
   */
  private static void readHeading(Sentence s) {
    Matcher count = COUNT_HEADING.matcher(s.text.strip());
    boolean negated = negatedHeading(s.text);
    if (conditionalHeading(s.text) && !negated) return;
    boolean heading = listHeading(s.text);
    boolean counted = heading && count.find();
    if (!heading && !negated && !alternatives(s.children)) return;
    HeadingWindow window = HeadingWindow.of(s.text);
    Lead lead = negated ? lead(LIST_WORDS.matcher(HeadingWindow.without(s.text)).replaceFirst(""))
        : new Lead("", false, false);
    if (lead.unclear()) {
      s.settle(new Unparsed("a negation inside a list's heading is not understood"));
      return;
    }
    List<Rule> parts = new ArrayList<>();
    for (CriterionItem child : s.children) parts.add(item(s, lead.words(), window, child));
    int n = !counted ? 1 : count.group("n") != null ? Numbers.count(count.group("n")) : Numbers.count(count.group("gt")) + 1;
    if (n < 1 || n > parts.size()) {
      s.settle(new Unparsed("asks for " + n + " of a list of " + parts.size()));
      return;
    }
    // under a denial too: an item not listed may be what the heading denies
    if (n == 1 && s.type == org.eligo.core.rule.CriterionType.INCLUSION && EXAMPLES.matcher(s.text).find()) {
      parts.add(new Unparsed("the list gives examples only"));
    }
    Rule rule = parts.size() == 1 ? parts.get(0) : n == parts.size() ? new AllOf(parts) : n == 1 ? new AnyOf(parts)
        : new AtLeast(n, parts);
    // a count of treatments below a heading fails only a record with none of them (§73)
    Rule treatments = rule instanceof AtLeast && !negated ? PriorTherapyCount.atLeast(n, parts, s.text) : null;
    if (treatments != null) rule = treatments;
    s.settle(negated ? RuleAssembler.denied(s, rule) : rule);
  }

  /** The list after the colon: cut at semicolons, else at top-level commas, dropping a leading "or"/"and". */
  static List<String> inlineParts(String list) {
    String body = list.strip();
    if (body.endsWith(".") || body.endsWith(";")) body = body.substring(0, body.length() - 1);
    char separator = topLevel(body, ';') ? ';' : ',';
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(') depth++;
      else if (c == ')' && depth > 0) depth--;
      else if (c == separator && depth == 0 && !(separator == ',' && thousands(body, i))) {
        add(parts, body.substring(start, i));
        start = i + 1;
      }
    }
    add(parts, body.substring(start));
    return parts;
  }

  private static boolean thousands(String s, int i) {
    return i > 0 && i + 3 < s.length() + 0 && Character.isDigit(s.charAt(i - 1)) && i + 1 < s.length()
        && Character.isDigit(s.charAt(i + 1));
  }

  private static boolean topLevel(String s, char c) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '(') depth++;
      else if (x == ')' && depth > 0) depth--;
      else if (x == c && depth == 0) return true;
    }
    return false;
  }

  private static void add(List<String> parts, String part) {
    String p = part.strip().replaceFirst("(?i)^(?:or|and|and/or)\\s+", "").strip();
    if (!p.isEmpty()) parts.add(p);
  }
}
