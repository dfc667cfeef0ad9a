package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Infections named by a test and its result: "positive HBsAg", "HCV RNA detectable", "HIV-positive", "positive for
 * HIV, HBsAg or HCV RNA", "HBsAg+", "negative HIV test", "hepatitis C antibody non-reactive". Each becomes the
 * infection's diagnosis rule, so the evaluator reads the record's diagnoses and its test results alike (DECISIONS §10);
 * the result words are part of the reading, never words left over.
 *
 * <ul>
 *   <li>A positive result of a test that every patient with the infection has (HBsAg, HCV antibody or RNA, an HIV
 *       antibody test, "HIV positive") is the infection, current unless a time word says otherwise.</li>
 *   <li>A positive viral load (HBV DNA, HIV-1 RNA detectable) is the infection with its latest load detected
 *       ({@link ViralLoadRule}): treated infections have undetectable loads, so the diagnosis alone never shows it,
 *       and a recent result settles it either way.</li>
 *   <li>A negative result rules out the infection ({@code not}) only for tests whose negative result does (HBsAg,
 *       HCV antibody or RNA, HIV antibody); an undetectable viral load is the latest load not detected (treated
 *       infections have one: it says nothing of the diagnosis). In a sentence that times it ("for at least 6
 *       months", "within the past 6 months") the load is asked instead: one result cannot show it
 *       ({@link ViralLoadLimitRecogniser#timed}).</li>
 *   <li>Tests that do not show the infection (hepatitis B core or surface antibody, HBeAg) are questions whatever
 *       their result: anti-HBc stays after a cleared infection, and many with hepatitis B are HBeAg negative.</li>
 * </ul>
 * One result word before or after a list of tests binds each test in it ("positive hepatitis B surface antigen or
 * hepatitis C antibody"). In an exclusion, positive results for different infections joined by "and" are each a
 * reason to exclude ("positive HBsAg and HCV antibody"), so any of them. A disease named right before a parenthesis
 * that gives only its tests ("hepatitis C (HCV RNA detectable)") is defined by them and not read again on its own.
 */
final class InfectionTestRecogniser implements Recogniser {

  /**
   * What a result of a test says, for the parser: the diagnosis, its absence, or a question; for a viral load whose
   * undetectable result rules nothing out, the diagnosis with the load detected ({@link ViralLoadRule}), or the load
   * not detected.
   */
  enum Says { DIAGNOSIS, NOT_DIAGNOSIS, QUESTION, DIAGNOSIS_AND_DETECTED, NOT_DETECTED, RESULT_POSITIVE, RESULT_NEGATIVE }

  /**
   * A kind of test named in criteria text. {@code key} is the key of the test in the terminology's
   * {@code infection-tests.json} when it is there (the readings must agree with it), else null.
   */
  record TestKind(String key, String infection, Says positive, Says negative) {}

  static final String HEPATITIS_B = "hepatitis-b";
  static final String HEPATITIS_C = "hepatitis-c";
  static final String HIV = "hiv-infection";

  private static final String ALIAS = "(?:\\s*\\(\\s*(?:anti-?\\s?hcv|anti-?\\s?hbc|anti-?\\s?hbs|hbs\\s?ag|hbe\\s?ag"
      + "|hbv(?:\\s+dna)?|hcv(?:\\s+rna|\\s+ab)?|hiv(?:-?1)?(?:\\s+rna)?)\\s*\\))?";

  /** Test names, each a named group, longest forms first. */
  private static final Map<String, TestKind> KINDS = new java.util.LinkedHashMap<>();
  private static final Pattern ITEM;
  /** After a virus's name, what makes it a viral-load test: "HBV DNA", "HCV RNA PCR", "HIV viral load". */
  private static final String DNA_LOAD = "[\\s-]?(?:dna|viral\\s+load|pcr)(?:\\s+pcr|\\s+viral\\s+load)?";
  private static final String RNA_LOAD = "[\\s-]?(?:rna|viral\\s+load|pcr)(?:\\s+pcr|\\s+viral\\s+load)?";
  /**
   * The names of the viral-load tests, each a named group ({@code hbvdna}, {@code hcvrna}, {@code hivrna}), for
   * {@link ViralLoadLimitRecogniser}.
   */
  static final String LOAD_NAMES;
  /** The viral-load tests by group name: key and infection. */
  static final Map<String, TestKind> LOAD_KINDS;

  static {
    // anti-HBc shows neither a current infection nor none (§16): a criterion on it is read as its own latest result
    KINDS.put("antihbc", new TestKind("hbv-core-antibody", HEPATITIS_B, Says.RESULT_POSITIVE, Says.RESULT_NEGATIVE));
    KINDS.put("antihbs", new TestKind(null, HEPATITIS_B, Says.QUESTION, Says.QUESTION));
    KINDS.put("hbeag", new TestKind(null, HEPATITIS_B, Says.QUESTION, Says.QUESTION));
    KINDS.put("hbsag", new TestKind("hbsag", HEPATITIS_B, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    KINDS.put("hbvdna", new TestKind("hbv-dna", HEPATITIS_B, Says.DIAGNOSIS_AND_DETECTED, Says.NOT_DETECTED));
    KINDS.put("hcvrna", new TestKind("hcv-rna", HEPATITIS_C, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    KINDS.put("antihcv", new TestKind("hcv-antibody", HEPATITIS_C, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    KINDS.put("hivrna", new TestKind("hiv-1-rna", HIV, Says.DIAGNOSIS_AND_DETECTED, Says.NOT_DETECTED));
    KINDS.put("hivab", new TestKind("hiv-antibody", HIV, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    // the infection named with a result and no test ("HIV positive", "positive for hepatitis B", "hepatitis C
    // serology negative"): a test every patient with it has
    KINDS.put("hiv", new TestKind(null, HIV, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    KINDS.put("hbv", new TestKind(null, HEPATITIS_B, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    KINDS.put("hcv", new TestKind(null, HEPATITIS_C, Says.DIAGNOSIS, Says.NOT_DIAGNOSIS));
    String hepB = "(?:hepatitis\\s+b(?:\\s+virus)?(?:\\s*\\(\\s*hbv\\s*\\))?|hbv)";
    String hepC = "(?:hepatitis\\s+c(?:\\s+virus)?(?:\\s*\\(\\s*hcv\\s*\\))?|hcv)";
    String antibody = "(?:antibod(?:y|ies)|ab)";
    String hivName = "(?:hiv(?:\\s?-?\\s?1)?(?:\\s?/\\s?2)?|human\\s+immunodeficiency\\s+virus(?:\\s+type\\s+1)?"
        + "(?:\\s*\\(\\s*hiv(?:-?1)?\\s*\\))?)";
    LOAD_NAMES = "(?<hbvdna>" + hepB + DNA_LOAD + ")|(?<hcvrna>" + hepC + RNA_LOAD + ")|(?<hivrna>" + hivName + RNA_LOAD
        + ")";
    String names = "(?<antihbc>(?:igm\\s+|total\\s+)?(?:anti-?\\s?hbc(?:\\s+igm|\\s+total)?|hbc\\s?-?ab|" + hepB
        + "\\s+core\\s+(?:antigen\\s+)?" + antibody + "))"
        + "|(?<antihbs>anti-?\\s?hbs(?!\\s?ag)|hbs\\s?-?ab|" + hepB + "\\s+surface\\s+(?:antigen\\s+)?" + antibody + ")"
        + "|(?<hbeag>hbe\\s?-?ag|" + hepB + "\\s+e[\\s-]antigen)"
        + "|(?<hbsag>hbs\\s?-?ag|" + hepB + "\\s+surface\\s+(?:antigen|ag)|hbs\\s+antigen)"
        + "|(?<hbvdna>" + hepB + DNA_LOAD + ")"
        + "|(?<hcvrna>" + hepC + RNA_LOAD + ")"
        + "|(?<antihcv>anti-?\\s?hcv|" + hepC + "\\s?-?" + antibody + ")"
        + "|(?<hivrna>" + hivName + RNA_LOAD + ")"
        + "|(?<hivab>anti-?\\s?hiv(?:-?1)?(?:\\s?/\\s?2)?|" + hivName + "\\s?(?:-\\s?)?(?:(?:p24\\s+)?(?:antigen|ag)"
        + "\\s?/\\s?)?" + antibody + ")"
        + "|(?<hiv>" + hivName + ")"
        + "|(?<hbv>" + hepB + ")"
        + "|(?<hcv>" + hepC + ")";
    LOAD_KINDS = Map.of("hbvdna", KINDS.get("hbvdna"), "hcvrna", KINDS.get("hcvrna"), "hivrna", KINDS.get("hivrna"));
    ITEM = Pattern.compile("(?<![a-z0-9-])(?:" + names + ")" + ALIAS
        + "(?<suffix>\\s*-?\\s*(?:(?:antibody\\s+)?(?:tests?|testing|serology|serologies|serologic(?:al)?\\s+tests?"
        + "|screen(?:ing)?(?:\\s+tests?)?|status|assay|results?)))?(?![a-z0-9])");
  }

  private static final String POSITIVE = "(?:sero-?\\s?positive|sero-?\\s?positivity|positive|positivity"
      + "|(?:repeatedly\\s+)?reactive|detectable|detected)";
  private static final String NEGATIVE = "(?:sero-?\\s?negative|negative|non-?\\s?reactive|undetectable|undetected"
      + "|not\\s+detect(?:ed|able)|below\\s+(?:the\\s+)?(?:lower\\s+)?limits?\\s+of\\s+detection)";
  private static final String RESULT = "(?:(?<pos>" + POSITIVE + ")|(?<neg>" + NEGATIVE + "))(?![a-z])";

  /** A result word right before a test: "positive HBsAg", "positive for HIV", "tested positive for", "negative test for". */
  private static final Pattern BEFORE = Pattern.compile("(?<![a-z])(?:(?:tested|screened|serologically|confirmed)\\s+)?"
      + RESULT + "\\s*(?:-\\s*)?(?:(?:tests?|test\\s+results?|results?|serology|serologic\\s+tests?|screen(?:ing)?"
      + "(?:\\s+tests?)?)\\s+)?(?:(?:for|to)\\s+(?:the\\s+)?)?$");
  /** A result word right after a test: "HBsAg positive", "HIV-positive", "HCV RNA is detectable", "HBsAg (+)". */
  private static final Pattern AFTER = Pattern.compile("\\s*(?:-|:)?\\s*(?:(?:is|was|are|were|be|tested|test(?:ed)?"
      + "\\s+(?:is|was))\\s+)?" + RESULT + "|\\s*\\(\\s*" + RESULT.replace("<pos>", "<ppos>").replace("<neg>", "<pneg>")
      + "\\s*\\)|(?<plus>\\s?\\+|\\s*\\(\\s*\\+\\s*\\))");

  /** Between tests of one list: "HBsAg, HCV antibody or HIV", "HIV- or HBV-positive". */
  private static final Pattern SEPARATOR = Pattern.compile("\\s*-?\\s*(?:,\\s*(?:(?:and/or|and|or)\\s+)?"
      + "|(?:and/or|and|or|nor)\\s+|/\\s*)");
  /** After a bare infection name, words that make it a disease rather than a test ("HIV infection"). */
  private static final Pattern DISEASE_AFTER = Pattern.compile("\\s*(?:-\\s*)?(?:infections?|infected|diseases?"
      + "|carriers?|hepatitis|vaccin\\w*|immuni[sz]\\w*|co-?infections?)\\b");
  private static final Keywords HINT = Keywords.of("hiv", "hbv", "hcv", "hepatitis", "hbs", "hbc", "hbe",
      "immunodeficiency");
  private static final Keywords RESULT_HINT = Keywords.of("positiv", "reactive", "detect", "negativ", "+",
      "detection");

  /** One test named in the sentence. */
  private record Item(int start, int end, TestKind kind, String name) {}

  /** A test with the result bound to it, the span they take together, and the result word. */
  private record Bound(Item item, int start, int end, boolean positive, String word, boolean shared) {}

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower) || !RESULT_HINT.in(s.lower)) return;
    List<Item> items = items(s);
    if (items.isEmpty()) return;
    List<Bound> bound = bind(s, items);
    if (bound.isEmpty()) return;
    List<List<Bound>> groups = groups(s, bound);
    for (List<Bound> group : groups) {
      int start = group.get(0).start();
      int end = group.get(group.size() - 1).end();
      if (!s.free(start, end)) continue;
      if (group.size() > 1) {
        s.read(start, end, anyOf(s, group));
      } else {
        Bound b = group.get(0);
        s.read(b.start(), b.end(), rule(s, b));
      }
      s.explain(start, end);
      s.hedges.removeIf(h -> h.start() >= start && h.end() <= end && h.end() > h.start());
    }
    definedByTests(s, bound);
  }

  private static final Pattern UNLESS = Pattern.compile("\\b(?:unless|except(?: for| if| when)?|other than)\\b");
  private static final Pattern UNLESS_END = Pattern.compile(",\\s*(?:or|and)\\b|;|\\)|\\.\\s");

  private static List<Item> items(Sentence s) {
    List<Item> out = new ArrayList<>();
    // what "unless"/"except" names is the exception, never what the sentence asks for (as NegationRecogniser does)
    List<int[]> exceptions = new ArrayList<>();
    Matcher u = UNLESS.matcher(s.lower);
    while (u.find()) {
      Matcher e = UNLESS_END.matcher(s.lower).region(u.end(), s.lower.length());
      exceptions.add(new int[] {u.end(), e.find() ? e.start() : s.lower.length()});
    }
    Matcher m = ITEM.matcher(s.lower);
    while (m.find()) {
      int at = m.start();
      if (exceptions.stream().anyMatch(x -> at >= x[0] && at < x[1])) continue;
      String group = null;
      for (String g : KINDS.keySet()) {
        if (m.group(g) != null) {
          group = g;
          break;
        }
      }
      if (group == null || !s.free(m.start(), m.end()) || s.asideAny(m.start(), m.end())) continue;
      boolean bare = group.equals("hiv") || group.equals("hbv") || group.equals("hcv");
      if (bare && m.group("suffix") == null && DISEASE_AFTER.matcher(s.lower).region(m.end(), s.lower.length())
          .lookingAt()) {
        continue; // "HIV infection", "hepatitis B carrier": the disease itself, for the concept reader
      }
      out.add(new Item(m.start(), m.end(), KINDS.get(group), s.text.substring(m.start(), m.end())));
    }
    return out;
  }

  /** Each test with its own result word, then the tests of a list with the one result word the list shares. */
  private static List<Bound> bind(Sentence s, List<Item> items) {
    Bound[] own = new Bound[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      Matcher after = AFTER.matcher(s.lower).region(it.end(), s.lower.length());
      Matcher before = BEFORE.matcher(s.lower.substring(0, it.start()));
      if (after.lookingAt()) {
        String word = after.group("plus") != null ? "positive" : wordOf(after);
        own[i] = new Bound(it, it.start(), after.end(), isPositive(word), word, false);
      } else if (before.find() && !(i > 0 && own[i - 1] != null && own[i - 1].end() > before.start())) {
        String word = wordOf(before);
        own[i] = new Bound(it, before.start(), it.end(), isPositive(word), word, false);
      }
    }
    // lists: "positive HBsAg, HCV antibody or HIV", "HBsAg or HCV antibody positive", "HIV- or HBV-positive"
    List<Bound> out = new ArrayList<>();
    int i = 0;
    while (i < items.size()) {
      int j = i;
      while (j + 1 < items.size() && SEPARATOR.matcher(s.lower).region(items.get(j).end(), items.get(j + 1).start())
          .matches() && (own[j] == null || own[j].end() <= items.get(j + 1).start())) {
        j++;
      }
      // the run i..j: a result before its first test or after its last binds the tests without one
      Bound first = own[i];
      Bound last = own[j];
      Bound shared = first != null && first.start() < first.item().start() ? first
          : last != null && last.end() > last.item().end() ? last : null;
      for (int k = i; k <= j; k++) {
        if (own[k] != null) {
          out.add(own[k]);
        } else if (shared != null && j > i) {
          Item it = items.get(k);
          out.add(new Bound(it, it.start(), it.end(), shared.positive(), shared.word(), true));
        }
      }
      i = j + 1;
    }
    return out;
  }

  private static String wordOf(Matcher m) {
    for (String g : new String[] {"pos", "neg", "ppos", "pneg"}) {
      try {
        if (m.group(g) != null) return m.group(g).replaceAll("\\s+", " ");
      } catch (IllegalArgumentException e) {
        // the pattern has no such group
      }
    }
    throw new IllegalStateException("no result word");
  }

  private static boolean isPositive(String word) {
    return !Pattern.compile(NEGATIVE).matcher(word).matches();
  }

  /**
   * Readings that stand together: in an exclusion, positive results for different infections joined by "and" each
   * exclude ("positive HBsAg and HCV antibody"); every other reading stands alone and the assembler joins them.
   */
  private static List<List<Bound>> groups(Sentence s, List<Bound> bound) {
    List<List<Bound>> out = new ArrayList<>();
    for (Bound b : bound) {
      List<Bound> last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.type == CriterionType.EXCLUSION && b.positive()
          && last.stream().allMatch(Bound::positive) && andJoined(s, last.get(last.size() - 1), b)
          && last.stream().noneMatch(o -> o.item().kind().infection().equals(b.item().kind().infection()))) {
        last.add(b);
      } else {
        List<Bound> g = new ArrayList<>();
        g.add(b);
        out.add(g);
      }
    }
    // a group joined by "or" alone is left to the assembler; one with "and" reads as any of
    List<List<Bound>> result = new ArrayList<>();
    for (List<Bound> g : out) {
      boolean and = false;
      for (int k = 0; k + 1 < g.size(); k++) and |= AND.matcher(s.lower.substring(g.get(k).end(), g.get(k + 1).start())).find();
      if (g.size() > 1 && and) {
        result.add(g);
      } else {
        for (Bound b : g) result.add(List.of(b));
      }
    }
    return result;
  }

  private static final Pattern AND = Pattern.compile("\\band\\b(?!/)");

  private static boolean andJoined(Sentence s, Bound a, Bound b) {
    return a.end() <= b.start() && SEPARATOR.matcher(s.lower).region(a.end(), b.start()).matches();
  }

  private static Rule anyOf(Sentence s, List<Bound> group) {
    List<Rule> rules = new ArrayList<>();
    for (Bound b : group) rules.add(rule(s, b));
    Set<String> concepts = new LinkedHashSet<>();
    TimeWindow window = null;
    boolean conditions = true;
    for (Rule r : rules) {
      if (r instanceof ConditionRule c && (window == null || window.equals(c.window()))) {
        concepts.addAll(c.concepts());
        window = c.window();
      } else {
        conditions = false;
      }
    }
    if (conditions) {
      List<String> labels = new ArrayList<>();
      for (Rule r : rules) labels.add(((ConditionRule) r).label());
      return new ConditionRule(concepts, Set.copyOf(s.except), window, String.join(" or ", labels));
    }
    return new AnyOf(rules);
  }

  private static Rule rule(Sentence s, Bound b) {
    TestKind kind = b.item().kind();
    Says says = b.positive() ? kind.positive() : kind.negative();
    String name = b.item().name().strip();
    if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
      name = Character.toLowerCase(name.charAt(0)) + name.substring(1); // "Hepatitis B core antibody" opening a sentence
    }
    String question = "Is the patient's " + name + " " + b.word() + "?";
    return switch (says) {
      case QUESTION -> new Ask(question);
      case DIAGNOSIS -> diagnosis(s, b);
      case NOT_DIAGNOSIS -> new Not(diagnosis(s, b));
      // the latest load cannot show one kept undetectable, or found at some time in a window: then asked
      case DIAGNOSIS_AND_DETECTED -> new AllOf(List.of(diagnosis(s, b), ViralLoadLimitRecogniser.timed(s)
          ? new Ask(question) : load(s, kind)));
      case NOT_DETECTED -> ViralLoadLimitRecogniser.timed(s) ? new Ask(question) : notDetected(s, b, kind, question);
      case RESULT_POSITIVE -> ViralLoadLimitRecogniser.timed(s) || !total(b) ? new Ask(question) : result(kind);
      case RESULT_NEGATIVE -> ViralLoadLimitRecogniser.timed(s) || !total(b) ? new Ask(question)
          : new Not(result(kind));
    };
  }

  /**
   * How old a qualitative result may be: anti-HBc, once positive, stays so for life, and a negative one turns only
   * with a new infection, rare in adults; a year, as for a screening panel repeated yearly.
   */
  static final int RESULT_RECENCY_DAYS = 365;

  /** "Positive anti-HBc": the latest anti-HBc result is positive (found), as a viral load's is detected. */
  private static ViralLoadRule result(TestKind kind) {
    return new ViralLoadRule(kind.key(), kind.infection(), "anti-HBc", null, 0, "", RESULT_RECENCY_DAYS);
  }

  /** Whether the test named is total anti-HBc (the codes read); IgM anti-HBc (a recent infection) is asked. */
  private static boolean total(Bound b) {
    return !b.item().name().toLowerCase(java.util.Locale.ROOT).contains("igm");
  }

  /** Result words that speak of a viral load only: "undetectable", "not detected", "below the limit of detection". */
  private static final Pattern LOAD_WORD = Pattern.compile("undetect(?:able|ed)|not\\s+detect(?:ed|able)|below\\b.*");

  /**
   * A viral load required not found. "Undetectable HIV-1 RNA" is the latest load not detected, whatever the diagnosis.
   * "Negative HIV-1 RNA" may say that too, or that the person is not infected (a screening result, as a prevention
   * trial writes it): only a patient without the infection and without a load found meets both readings; a treated
   * infection with a load not found is asked (read as the load alone, a known infection passed an inclusion written
   * for the uninfected).
   */
  private static Rule notDetected(Sentence s, Bound b, TestKind kind, String question) {
    Rule notFound = new Not(load(s, kind));
    if (LOAD_WORD.matcher(b.word().toLowerCase(java.util.Locale.ROOT).strip()).matches()) return notFound;
    return new AnyOf(List.of(new AllOf(List.of(new Not(diagnosis(s, b)), notFound)),
        new AllOf(List.of(notFound, new Ask(question)))));
  }

  /** Labels of the viral loads as rules and questions show them. */
  static final Map<String, String> LOAD_LABELS = Map.of("hbv-dna", "HBV DNA", "hcv-rna", "HCV RNA", "hiv-1-rna",
      "HIV-1 RNA");

  /** "Detectable HBV DNA": the latest result of the test finds the virus. */
  private static ViralLoadRule load(Sentence s, TestKind kind) {
    return new ViralLoadRule(kind.key(), kind.infection(), LOAD_LABELS.get(kind.key()), null, 0, "",
        s.context.settings().recencyDays());
  }

  private static ConditionRule diagnosis(Sentence s, Bound b) {
    String id = b.item().kind().infection();
    return new ConditionRule(Set.of(id), Set.copyOf(s.except), window(s, b), label(s, id));
  }

  /**
   * When a result counts: the time words before it ("history of a positive HIV test": ever), else now — a result
   * speaks of the infection on its date, so a cleared hepatitis B is not "HBsAg positive". A result after the
   * sentence's one time phrase, in a clause of its own that says when ("HBsAg positive within 3 months, or HCV
   * antibody positive at any time", "… or history of a positive HIV test", "… or current HCV RNA detectable"), keeps
   * that time, as a name does ({@link Sentence#ownClauseCue}); read in the window, an inclusion turned away a patient
   * whose result was older than it. A negative result said "at any time" is not "never infected" (a negative test
   * speaks of its own date): it stays a result of now.
   */
  private static TimeWindow window(Sentence s, Bound b) {
    int start = b.start();
    int end = b.end();
    Sentence.Cue own = s.ownClauseCue(start, end, true);
    if (own == Sentence.Cue.CURRENT) return TimeWindow.ACTIVE;
    if (own == Sentence.Cue.EVER) return b.positive() ? TimeWindow.EVER : TimeWindow.ACTIVE;
    Timing t = s.currentInOwnClause(start) || s.currentBeforeOwnWindow(start, end, true) ? Timing.UNSAID
        : s.timingFor(start);
    if (t == null) {
      s.hedge(0, 0, "timing", null);
      return TimeWindow.ACTIVE;
    }
    if (t.explicit()) {
      if (t.window() != null) return t.window();
      s.hedge(0, 0, "timing", null);
      return TimeWindow.ACTIVE;
    }
    Sentence.TimeCue best = null;
    for (Sentence.TimeCue c : s.cues) {
      if (c.position() <= start && (best == null || c.position() > best.position())) best = c;
    }
    return best != null && best.cue() == Sentence.Cue.EVER ? TimeWindow.EVER : TimeWindow.ACTIVE;
  }

  private static final Map<String, String> NAMES = Map.of(HEPATITIS_B, "hepatitis B virus infection", HEPATITIS_C,
      "hepatitis C virus infection", HIV, "HIV infection");

  /** The infection's label as the concept reader gives it. */
  static String label(Sentence s, String id) {
    String name = NAMES.get(id);
    for (ConceptMention m : s.context.lexicon().findMentions(name)) {
      if (m.id().equals(id)) return ConceptRecogniser.label(m);
    }
    return name;
  }

  /**
   * "Hepatitis C (HCV RNA detectable)", "active hepatitis B (HBsAg positive) or C (HCV RNA detectable)": a disease
   * named right before a parenthesis that holds only its tests is what they define; the name is not read again on
   * its own (as "hepatitis C at any time" beside the tests it would exclude a cured hepatitis C).
   */
  private static void definedByTests(Sentence s, List<Bound> bound) {
    int from = 0;
    while (true) {
      int open = s.lower.indexOf('(', from);
      if (open < 0) return;
      int close = s.lower.indexOf(')', open);
      if (close < 0) return;
      from = open + 1;
      Set<String> defined = new LinkedHashSet<>();
      for (Bound b : bound) {
        if (b.start() > open && b.end() <= close + 1) defined.add(b.item().kind().infection());
      }
      if (defined.isEmpty() || !s.coveredAll(open + 1, close) && !onlyConnectives(s, open + 1, close)) continue;
      // the names right before the parenthesis, back to the start of their clause
      int clause = Math.max(0, Math.max(s.lower.lastIndexOf(',', open), Math.max(s.lower.lastIndexOf(';', open),
          s.lower.lastIndexOf(')', open))) + 1);
      Matcher or = LAST_OR.matcher(s.lower.substring(clause, open));
      if (or.find()) clause += or.end();
      List<ConceptMention> names = new ArrayList<>();
      boolean other = false;
      for (ConceptMention m : s.mentions) {
        if (m.start() < clause || m.end() > open || m.kind() == ConceptKind.MEASURE) continue;
        if (!s.free(m.start(), m.end())) continue;
        if (m.kind() == ConceptKind.CONDITION && (defined.contains(m.id()) || m.id().equals("infection"))) {
          names.add(m);
        } else {
          other = true;
        }
      }
      Matcher head = SHARED_LETTER.matcher(s.lower.substring(clause, open));
      Set<String> named = new LinkedHashSet<>();
      for (ConceptMention m : names) if (!m.id().equals("infection")) named.add(m.id());
      while (head.find()) named.add(head.group(1).equals("b") ? HEPATITIS_B : HEPATITIS_C);
      Matcher letter = LETTER.matcher(s.lower.substring(clause, open));
      if (names.isEmpty() && letter.matches() && s.lower.lastIndexOf("hepatitis", clause) >= 0) {
        // "hepatitis B (HBsAg positive) or C (HCV RNA positive)": the letter names hepatitis C
        String id = letter.group(1).equals("b") ? HEPATITIS_B : HEPATITIS_C;
        if (defined.contains(id)) s.explain(clause + letter.start(1), open + 1);
        if (defined.contains(id)) s.explain(close, close + 1);
        continue;
      }
      if (other || named.isEmpty() || !defined.containsAll(named)) continue;
      if (!s.lower.substring(names.get(names.size() - 1).end(), open).matches("[\\s]*(?:(?:or|and)?\\s*[bc]\\s*)?"
          + "(?:virus\\s+)?(?:infections?\\s*)?")) {
        continue;
      }
      for (ConceptMention m : names) s.consume(m.start(), m.end());
      s.explain(names.get(0).start(), open + 1);
      s.explain(close, close + 1);
    }
  }

  private static final Pattern LETTER = Pattern.compile("\\s*(?:or|and|and/or)?\\s*([bc])\\s*(?:virus\\s+)?"
      + "(?:infections?\\s*)?");
  private static final Pattern LAST_OR = Pattern.compile(".*\\bor\\b(?!\\s+[bc]\\b)");
  private static final Pattern SHARED_LETTER = Pattern.compile("\\bhepatitis\\s+[bc]\\s*(?:,|or|and|and/or|/)\\s*"
      + "([bc])\\b");

  private static final Pattern CONNECTIVES = Pattern.compile("[\\s,;]*(?:(?:or|and|and/or|i\\.e\\.?|defined as"
      + "|confirmed by|as shown by|by)\\b[\\s,;]*)*");

  /** Whether the words in [from, to) not read are connectives only. */
  private static boolean onlyConnectives(Sentence s, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) b.append(s.covered(i) ? ' ' : s.lower.charAt(i));
    return CONNECTIVES.matcher(b).matches();
  }
}
