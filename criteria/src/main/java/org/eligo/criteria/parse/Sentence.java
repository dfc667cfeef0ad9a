package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;
import org.eligo.criteria.text.CriterionItem;

/**
 * One criterion under parse: its match text, polarity, the concepts named in it, its sub-items and what the passes
 * have found so far. Passes record readings (rules for parts of the text), mark words as explained (qualifiers they
 * consumed), add questions for clauses the record cannot settle, or settle the whole sentence at once.
 */
public final class Sentence {
  final String text;
  final String lower;
  final CriterionType type;
  final List<ConceptMention> mentions;
  final List<CriterionItem> children;
  final String criteriaText;
  final ParseContext context;
  final int depth;
  final CriterionParser parser;

  private final boolean[] used;
  private final boolean[] explained;
  private final boolean[] aside;
  final List<Reading> readings = new ArrayList<>();
  final List<Hedge> hedges = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  Timing timing = Timing.UNSAID;
  /** Where the sentence's one time phrase starts, or -1. */
  int timingAt = -1;
  /** Several different time phrases, each with where it starts: each binds the history named before it. */
  final List<PlacedTiming> timings = new ArrayList<>();
  final List<TimeCue> cues = new ArrayList<>();
  boolean negated;
  /** What a sentence denies, read without its "not" ({@link GroupSentences#negatedRequirement}). */
  boolean denied;
  /**
   * The sentence dates the last dose of a drug within its time ("Less than 4 weeks since the last dose of rituximab"):
   * a course the record lists as ongoing does not date it ({@link DrugWindowDenial#lastDoseWithin}).
   */
  boolean lastDoseWithin;
  /** The half-lives of "within 4 weeks or 5 half-lives, whichever is longer" ("5 half-lives"), {@link LongerWindow}. */
  String longerBound;
  /** The sentence sets a most a drug's dose may be ("Prednisone dose ≤ 10 mg/day"), {@link DoseCeiling}. */
  boolean doseCeiling;
  /**
   * The sentence names whom a requirement binds ("For patients on anticoagulation: …"): a drug with no time word is
   * then one taken now, the smaller group, so the requirement never binds a patient who stopped it long ago.
   */
  boolean groupScope;
  final List<String> except = new ArrayList<>();
  /**
   * What a parenthesis that allows names ("(low-dose aspirin is allowed)"), at any time: never read as what the
   * sentence asks for, kept for {@link RuleAssembler} to read as the exception it grants.
   */
  final List<Reading> granted = new ArrayList<>();
  Rule settled;

  Sentence(String text, CriterionType type, List<CriterionItem> children, String criteriaText, ParseContext context,
           int depth, CriterionParser parser) {
    this.parser = parser;
    this.text = text;
    this.lower = text.toLowerCase(Locale.ROOT);
    this.type = type;
    this.children = children;
    this.criteriaText = criteriaText;
    this.context = context;
    this.depth = depth;
    this.mentions = withoutLessenedSeverity(context.lexicon().findMentions(text));
    this.used = new boolean[text.length()];
    this.explained = new boolean[text.length()];
    this.aside = new boolean[text.length()];
  }

  /** A word right before "severe" that makes it less than severe. */
  private static final java.util.regex.Pattern LESSENED =
      java.util.regex.Pattern.compile("\\b(?:less|mildly|moderately)\\s+$");

  /**
   * "Moderately severe aplastic anemia": a disease name that begins with "severe" after a word that lessens it names
   * the disease without that severity ("aplastic anemia"), whose severity is then asked as written; read whole, the
   * criterion asked for severe aplastic anemia.
   */
  private List<ConceptMention> withoutLessenedSeverity(List<ConceptMention> found) {
    List<ConceptMention> mentions = new ArrayList<>(found.size());
    for (ConceptMention m : found) {
      int from = m.start() + "severe ".length();
      if (m.kind() != ConceptKind.CONDITION || !lower.startsWith("severe ", m.start()) || from >= m.end()
          || !LESSENED.matcher(lower.substring(0, m.start())).find()) {
        mentions.add(m);
        continue;
      }
      String rest = text.substring(from, m.end());
      mentions.add(context.lexicon().findMentions(rest).stream()
          .filter(c -> c.kind() == ConceptKind.CONDITION && c.start() == 0 && c.end() == rest.length())
          .findFirst().map(c -> new ConceptMention(c.id(), c.kind(), from, m.end(), c.label())).orElse(m));
    }
    return mentions;
  }

  /**
   * Whether a time word says "at any time" or "now"; PAST is a verb in the past ("took", "were on", "have been on"):
   * at some time, read as EVER, except where it names a group a requirement binds ({@link #groupScope}).
   */
  enum Cue { EVER, CURRENT, PAST }

  /**
   * A time word and where it stands; it applies to the concepts after it. One that applies to infections only ("HIV,
   * hepatitis B or hepatitis C infection": the infection is current) is passed over for anything else.
   */
  record TimeCue(int position, Cue cue, boolean infectionsOnly) {
    TimeCue(int position, Cue cue) {
      this(position, cue, false);
    }
  }

  /** The time word nearest before {@code position}, else the first after it, else null. */
  Cue cueFor(int position) {
    return cueFor(position, false);
  }

  /** As {@link #cueFor(int)}, for a concept that is an infection or not. */
  Cue cueFor(int position, boolean infection) {
    TimeCue best = null;
    for (TimeCue c : cues) {
      if (c.infectionsOnly() && !infection) continue;
      if (c.position() <= position && (best == null || c.position() > best.position())) best = c;
    }
    if (best == null) {
      for (TimeCue c : cues) {
        if (c.infectionsOnly() && !infection) continue;
        if (best == null || c.position() < best.position()) best = c;
      }
    }
    return best == null ? null : best.cue();
  }

  /** A time phrase and where it starts. */
  record PlacedTiming(int start, Timing timing) {}

  /**
   * When the history named at {@code position} counts: the sentence's one time phrase, or where it has several
   * ("rituximab within 12 weeks, or splenectomy within 3 months"), the first that follows the name in the same clause;
   * null when none does (which of them applies is then a question).
   */
  Timing timingFor(int position) {
    if (timings.isEmpty()) return timing;
    for (PlacedTiming t : timings) {
      if (t.start() < position) continue;
      // "corticosteroids or IVIG, or rituximab within 12 months": a comma or semicolon between the name and the
      // phrase ends the name's clause, so the phrase is not its own
      String between = lower.substring(position, t.start());
      return between.indexOf(',') >= 0 || between.indexOf(';') >= 0 ? null : t.timing();
    }
    return null;
  }

  private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[,;]|\\bor\\b|\\band\\b");

  /**
   * "History of thrombosis within 12 months, or current use of anticoagulants": a name after the sentence's one time
   * phrase, in a clause of its own that says "current", is current; the time phrase belongs to the clause before.
   */
  boolean currentInOwnClause(int position) {
    if (!timings.isEmpty() || timingAt < 0 || timingAt >= position) return false;
    for (TimeCue c : cues) {
      if (c.cue() != Cue.CURRENT || c.infectionsOnly() || c.position() <= timingAt || c.position() > position) continue;
      if (CLAUSE_BREAK.matcher(lower.substring(timingAt, c.position())).find()) return true;
    }
    return false;
  }

  /** Time words that say at any time, outright: "at any time", "ever", "history of". */
  private static final java.util.regex.Pattern ANY_TIME = java.util.regex.Pattern.compile("(?:at any (?:time|point)"
      + "|ever|history of)\\b");
  /** A span of time, or "the last year": a window of the clause's own. */
  private static final java.util.regex.Pattern SPAN = java.util.regex.Pattern.compile(Durations.DURATION
      + "|\\b(?:past|last|previous|preceding)\\s+(?:year|month|week)\\b");

  /**
   * "Romiplostim within 4 weeks or eltrombopag at any time", "Rituximab within 6 months, or history of splenectomy": a
   * name after the sentence's one time phrase, in a clause of its own (after "or", "and", a comma or a semicolon) that
   * says when in its own words, is read at that time, not in the window. Read in the window, an inclusion excluded a
   * patient who took eltrombopag a year ago. Only words that say "at any time" outright, or "current": "or prior
   * splenectomy" may still mean within the window, and stays read in it. Returns the clause's time word, or null.
   */
  Cue ownClauseCue(int position, int end, boolean infection) {
    if (!timings.isEmpty() || timingAt < 0 || timingAt >= position) return null;
    java.util.regex.Matcher br = CLAUSE_BREAK.matcher(lower).region(timingAt, position);
    int from = -1;
    while (br.find()) from = br.end();
    if (from < 0) return null;
    java.util.regex.Matcher next = CLAUSE_BREAK.matcher(lower).region(end, lower.length());
    int to = next.find() ? next.start() : lower.length();
    // "… or history of splenectomy within 6 months": the same window written again is the clause's own
    if (SPAN.matcher(lower).region(from, to).find()) return null;
    for (TimeCue c : cues) {
      if (c.infectionsOnly() || c.position() < from || c.position() >= to) continue;
      if (c.position() >= position && c.position() < end) continue; // inside the name
      if (c.cue() == Cue.CURRENT) return Cue.CURRENT;
      if (c.cue() == Cue.EVER && ANY_TIME.matcher(lower).region(c.position(), lower.length()).lookingAt()) {
        return Cue.EVER;
      }
    }
    return null;
  }

  /** Families of a qualifier that belongs to one disease: its class ("NYHA class III or IV") or its severity. */
  static final java.util.Set<String> OWN_QUALIFIERS = java.util.Set.of("grade", "severity");
  /** What may stand between a name and a qualifier written right after it: "heart failure (NYHA class III or IV)". */
  private static final java.util.regex.Pattern QUALIFIER_LIST_GAP =
      java.util.regex.Pattern.compile("[\\s,]*(?:(?:or|and|and/or)\\s+)?");
  private static final java.util.regex.Pattern QUALIFIER_AFTER = java.util.regex.Pattern.compile("\\s*\\(\\s*");

  /**
   * Whether the qualifier {@code h} stands with the name at {@code [start, end)} alone: right before it ("NYHA class
   * III or IV heart failure", "severe heart failure"), over it (a class that names the disease it grades) or right
   * after it in parentheses. A qualifier with words between it and the name may bind more than the name.
   */
  boolean qualifierOf(Hedge h, int start, int end) {
    if (h.end() <= h.start() || !OWN_QUALIFIERS.contains(h.family())) return false;
    if (h.start() < end && start < h.end()) return true;
    if (h.end() <= start) {
      // "severe or uncontrolled hypertension": a list of qualifiers right before the name
      int at = h.end();
      while (!lower.substring(at, start).isBlank()) {
        int from = at;
        Hedge next = hedges.stream().filter(o -> OWN_QUALIFIERS.contains(o.family()) && o.start() >= from
            && o.end() <= start && QUALIFIER_LIST_GAP.matcher(lower.substring(from, o.start())).matches())
            .findFirst().orElse(null);
        if (next == null || next.end() <= at) return false;
        at = next.end();
      }
      return true;
    }
    return QUALIFIER_AFTER.matcher(lower.substring(end, h.start())).matches();
  }

  /**
   * "Myocardial infarction within 6 months or NYHA class III or IV heart failure", "Stroke within 3 months or severe
   * heart failure": a disease after the sentence's one time phrase, in a clause of its own with a qualifier of its own
   * (a class, a severity), is an alternative of its own, and the window belongs to the clause before. Read in the
   * window, a patient whose heart failure began years ago was not excluded for it, and the other clause's disease was
   * asked the class.
   */
  boolean qualifiedInOwnClause(int position, int end) {
    if (!timings.isEmpty() || timingAt < 0 || timingAt >= position) return false;
    // "Within the past 6 months, myocardial infarction or severe heart failure": a window that opens the sentence
    // stands before every clause and times each of them
    if (LEADS.matcher(lower.substring(0, timingAt)).matches()) return false;
    for (Hedge h : hedges) {
      if (!qualifierOf(h, position, end) || h.start() <= timingAt) continue;
      if (CLAUSE_BREAK.matcher(lower).region(timingAt, Math.min(h.start(), position)).find()) return true;
    }
    return false;
  }

  /** What may stand before a time phrase that opens the sentence. */
  private static final java.util.regex.Pattern LEADS = java.util.regex.Pattern.compile("[\\s\\p{Punct}]*");

  /** Words that open a clause of its own after "or"/"and": a verb or a noun that names what the clause is about. */
  private static final java.util.regex.Pattern CLEAR_BREAK = java.util.regex.Pattern.compile("[,;]|\\b(?:or|and)\\s+"
      + "(?:(?:has|have|had|having|was|were|is|are)\\s+)?(?:took|taken|taking|received|receiving|use|used|using|any"
      + "|a|an|prior|previous|previously|history|treatment|treated|therapy|exposure|underwent|undergone)\\b");

  /**
   * "Currently taking warfarin or took heparin within 4 weeks", "Active infection, or antibiotics within 2 weeks": a
   * name after a "current" word in its own clause, before the sentence's one time phrase that stands in a later
   * clause, is current; the time phrase belongs to the clause it is in. In an inclusion only a clause that clearly
   * opens anew (a comma, or "or took ...") counts, since "current" is the stricter reading there.
   */
  boolean currentBeforeOwnWindow(int position, int end, boolean infection) {
    if (!timings.isEmpty() || timingAt < 0 || timingAt < end) return false;
    TimeCue best = null;
    for (TimeCue c : cues) {
      if (c.infectionsOnly() && !infection) continue;
      if (c.position() <= position && (best == null || c.position() > best.position())) best = c;
    }
    if (best == null || best.cue() != Cue.CURRENT || best.infectionsOnly()) return false;
    if (CLAUSE_BREAK.matcher(lower.substring(best.position(), position)).find()) return false; // another clause's word
    String between = lower.substring(end, timingAt);
    return (type == CriterionType.EXCLUSION ? CLAUSE_BREAK : CLEAR_BREAK).matcher(between).find();
  }

  /** A clause that narrows the sentence in a way no record settles: becomes a question. */
  record Hedge(int start, int end, String family, String question) {}

  public String text() {
    return text;
  }

  public CriterionType type() {
    return type;
  }

  /** True when no reading covers any of {@code [start, end)}. */
  /** True when every character of {@code [start, end)} is in a reading (explained words do not count). */
  boolean readAll(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, used.length); i++) if (!used[i]) return false;
    return true;
  }

  boolean free(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, used.length); i++) if (used[i]) return false;
    return true;
  }

  void read(int start, int end, Rule rule) {
    readings.add(new Reading(start, end, rule));
    for (int i = start; i < end; i++) used[i] = true;
  }

  /** Sets a clause aside (confirmed at screening): explained, and its concepts are not read. */
  void setAside(int start, int end) {
    explain(start, end);
    for (int i = Math.max(0, start); i < Math.min(end, aside.length); i++) aside[i] = true;
  }

  /** True when the character at {@code i} is in a clause set aside. */
  boolean aside(int i) {
    return i >= 0 && i < aside.length && aside[i];
  }

  boolean asideAny(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, aside.length); i++) if (aside[i]) return true;
    return false;
  }

  /** Marks words as belonging to a reading made elsewhere (an exception list, an alias). */
  void consume(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, used.length); i++) used[i] = true;
  }

  void explain(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, explained.length); i++) explained[i] = true;
  }

  void hedge(int start, int end, String family, String question) {
    hedges.add(new Hedge(start, end, family, question));
    explain(start, end);
  }

  void settle(Rule rule) {
    if (settled == null) settled = rule;
  }

  /** True when every character of {@code [start, end)} is in a reading or explained. */
  boolean coveredAll(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, used.length); i++) if (!used[i] && !explained[i]) return false;
    return true;
  }

  /** True when some character of {@code [start, end)} is explained (a qualifier or a set-aside clause). */
  boolean explainedAny(int start, int end) {
    for (int i = Math.max(0, start); i < Math.min(end, explained.length); i++) if (explained[i]) return true;
    return false;
  }

  boolean covered(int i) {
    return used[i] || explained[i];
  }

  boolean usedAt(int i) {
    return used[i];
  }

  /** Mentions of one kind not yet inside a reading. */
  List<ConceptMention> freeMentions(org.eligo.criteria.lexicon.ConceptKind kind) {
    List<ConceptMention> out = new ArrayList<>();
    for (ConceptMention m : mentions) if (m.kind() == kind && free(m.start(), m.end())) out.add(m);
    return out;
  }
}
