package org.eligo.criteria.parse;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.QualitativeResultRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;

/**
 * The direct antiglobulin test (DAT, direct Coombs test) and its result, read from the record's coded results
 * ({@link QualitativeResultRule}, DECISIONS §86): "positive direct antiglobulin test (DAT)", "Positive DAT (Coombs
 * test) at screening", "DAT positive for IgG or IgG + C3d", "Direct Coombs test negative", "Coombs-negative", "DAT
 * positive for C3d".
 *
 * <ul>
 *   <li>What is tested: no specificity (or "IgG and/or C3d") is the DAT itself, shown by a positive polyspecific,
 *       IgG- or C3-specific result and ruled out by a negative polyspecific result or negative IgG- and C3-specific
 *       results together; "for IgG" ("with or without C3d", "or IgG + C3d", "± C3d" change nothing) is the
 *       IgG-specific result, ruled out too by a negative polyspecific one; "for C3d" ("C3", "complement") the
 *       C3-specific one; "for IgG and C3d" both.</li>
 *   <li>When: a window in the sentence ("within 3 months") is how old the latest result may be; a moment of the
 *       screening after the test ("at screening", "at baseline") is the latest result; a test tied to the diagnosis
 *       or the past in its own clause ("Diagnosis of wAIHA with a positive DAT", "documented", "history of", "has
 *       had", "was positive", "at any time", "at disease onset", "at time of AIHA diagnosis") is a positive at any
 *       time, never failed by a later negative (treated disease turns the DAT negative); otherwise the latest result
 *       within the lab recency decides, as a lab limit's does.</li>
 *   <li>A negative result is the positive denied; only the present is read for it, or the disease it qualifies
 *       ("Coombs-negative AIHA": no positive at any time). A negative of the past ("Documented negative DAT") is
 *       left unread (asked).</li>
 * </ul>
 * The indirect antiglobulin test (an antibody screen of plasma) is not read. A graded or weak result ("weakly
 * positive") is left to the other passes (asked).
 */
final class AntiglobulinTestRecogniser implements Recogniser {

  private static final String TEST = "(?:(?<![a-z])direct\\s+(?:anti-?\\s?(?:human\\s+)?globulin|coombs'?)"
      + "(?:\\s+tests?)?|(?<!indirect\\s)(?<![a-z])coombs'?(?:\\s+tests?)?|\\bdat\\b)";
  /** Aliases in brackets right after the name: "(DAT)", "(Coombs test)", "(direct Coombs)", "(DAT, Coombs)". */
  private static final String ALIAS = "(?:\\s*\\(\\s*(?:dat|(?:direct\\s+)?coombs'?(?:\\s+tests?)?|direct\\s+anti-?"
      + "\\s?globulin\\s+test)(?:\\s*[,/;]\\s*(?:dat|(?:direct\\s+)?coombs'?(?:\\s+tests?)?))?\\s*\\))*";
  private static final String NAME = TEST + ALIAS;
  private static final String POS = "positive|positivity|\\(\\s*\\+\\s*\\)|\\+";
  private static final String NEG = "negative|\\(\\s*-\\s*\\)";
  private static final String C3 = "(?:c3d?|c3b|complement(?:\\s+\\(?c3d?\\)?)?)";
  /** What the result is for: "for IgG (with or without C3d)", "for IgG or IgG + C3d", "for C3d", "IgG and/or C3". */
  private static final String ANTI = "(?:anti-?\\s?)?";
  private static final String SPEC = "(?:\\s*(?:for|to|with)?\\s*(?<open>\\()?\\s*" + ANTI + "(?<spec>"
      + "igg(?:\\s*\\(?\\s*(?:with\\s+or\\s+without|±|\\+/-|or\\s+" + ANTI + "igg\\s*(?:\\+|and|with|plus)\\s*)\\s*"
      + ANTI + C3 + "\\s*\\)?|\\s*(?:and/or|or)\\s*" + ANTI + C3 + "|\\s*(?:\\+|and|plus)\\s*" + ANTI + C3 + ")?|" + C3
      + ")(?:\\s*\\+)?(?<only>\\s+only|\\s+alone)?(?![a-z0-9]))";

  /** "positive direct antiglobulin test (DAT) for IgG" */
  private static final Pattern BEFORE = Pattern.compile("(?<![a-z])(?<res>" + POS + "|" + NEG + ")\\s+(?:result\\s+"
      + "(?:of|on)\\s+(?:the\\s+|a\\s+)?)?" + NAME + "(?:\\s*(?:result|results))?" + SPEC + "?");
  /** "DAT positive for IgG", "Direct Coombs test negative", "Coombs-negative", "DAT (Coombs test) is positive" */
  private static final Pattern AFTER = Pattern.compile(NAME + "(?:\\s*(?:result|results))?\\s*(?:-|:)?\\s*"
      + "(?:(?:is|was|are|were|be)\\s+)?(?:(?:strongly|clearly)\\s+)?(?<res>" + POS.replace("|\\+", "") + "|" + NEG
      + ")(?![a-z])" + SPEC + "?");

  /**
   * Words before the test, in its own clause, that tie it to the diagnosis or the past: a positive at any time. So
   * does a verb in the past right before it ({@link #HAD}): read as the latest result, "Patients must have had a
   * positive DAT" failed a patient whose DAT treatment had turned negative.
   */
  private static final Pattern EVER = Pattern.compile("\\b(?:diagnos\\w*|history|documented|prior(?!\\s+to)|previous(?:ly)?"
      + "|confirmed|defined|ever)\\b");
  /** A verb in the past right before the test ("must have had a positive DAT"), not one of another clause's. */
  private static final Pattern HAD = Pattern.compile("\\bhad\\s+(?:an?\\s+)?(?:(?:documented|confirmed)\\s+)?$");
  /**
   * Words after the test that put it at any time or at the diagnosis: "at any time (since diagnosis)", "at any point
   * during the course of the disease", "at (the) time of (AIHA) diagnosis", "at disease onset", "when AIHA was
   * diagnosed", "prior to enrollment" (a window, read before, is no such word).
   */
  private static final Pattern EVER_AFTER = Pattern.compile("\\s*,?\\s*\\(?\\s*(?:at\\s+any\\s+(?:time|point)(?:\\s+"
      + "(?:since|after|from)\\s+(?:the\\s+)?(?:initial\\s+)?diagnosis|\\s+(?:during|in)\\s+the\\s+(?:course\\s+of\\s+"
      + "(?:the\\s+)?(?:disease|illness)|disease\\s+course))?|ever\\b|at\\s+(?:the\\s+)?(?:time\\s+of\\s+)?(?:(?:initial|first"
      + "|original)\\s+)?(?:[a-z-]+\\s+){0,2}?(?:diagnosis|presentation|onset)\\b|when\\s+(?:[a-z-]+\\s+){0,4}?diagnosed\\b"
      + "|during\\s+the\\s+(?:course\\s+of\\s+(?:the\\s+)?(?:disease|illness)|disease\\s+course)|since\\s+(?:the\\s+)?"
      + "(?:initial\\s+)?diagnosis\\b|(?:before|prior\\s+to)\\s+(?:the\\s+)?(?:screening|enrol(?:l)?ment|study\\s+entry"
      + "|randomi[sz]ation|inclusion)\\b)");
  /** "was positive", "were negative": a result of the past. */
  private static final Pattern WAS = Pattern.compile("\\b(?:was|were)\\b");
  /** Where the test's own clause begins: after a semicolon or an "or" before it. */
  private static final Pattern CLAUSE = Pattern.compile(";|\\bor\\b");
  private static final Pattern DISEASE_AFTER = Pattern.compile("\\s*(?:warm\\s+|cold\\s+)?(?:autoimmune\\s+)?"
      + "(?:h(?:a)?emoly\\w*|aiha|waiha|anemia|anaemia|evans)");
  /** A moment of the screening, explained: the latest result is read, whatever words of the past come before. */
  private static final Pattern MOMENT = Pattern.compile("\\s*,?\\s*(?:at|during|on)\\s+(?:the\\s+)?(?:time\\s+of\\s+"
      + "(?:the\\s+)?)?(?:screening|baseline|enrol(?:l)?ment|study\\s+entry|entry|randomi[sz]ation)(?:\\s+visit)?");
  private static final Pattern WEAK = Pattern.compile("\\bweak(?:ly)?\\b");

  private static final String DAT = "dat";
  private static final String DAT_IGG = "dat-igg";
  private static final String DAT_C3 = "dat-c3";

  @Override
  public void read(Sentence s) {
    if (!s.lower.contains("coombs") && !s.lower.contains("globulin") && !s.text.contains("DAT")) return;
    for (Pattern p : List.of(BEFORE, AFTER)) {
      Matcher m = p.matcher(s.lower);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (m.group("spec") != null && m.group("open") != null) {
          // "Direct Coombs positive (IgG)": the bracket the specificity opened closes after it
          Matcher close = CLOSE.matcher(s.lower).region(end, s.lower.length());
          if (close.lookingAt()) end = close.end();
        }
        if (!s.free(start, end) && m.group("spec") != null && s.free(start, m.start("spec") + 3)) {
          // "for IgG (with or without C3d)": the bracket already read as a "with or without" clause (§59) changes
          // nothing for IgG; the match ends before it
          int used = m.start("spec") + 3;
          while (used < end && s.free(used, used + 1)) used++;
          end = used;
        }
        if (!s.free(start, end)) continue;
        if (s.lower.substring(start, end).contains("dat") && !datUpper(s, start, end)) continue;
        String res = m.group("res");
        boolean positive = !res.startsWith("neg") && !res.contains("-");
        if (WEAK.matcher(s.lower.substring(Math.max(0, start - 12), start)).find()) continue;
        String spec = m.group("spec");
        Integer window = window(s, start);
        // the result of the test that showed the disease: words of diagnosis or the past before it in its own clause
        // ("Prior splenectomy or positive DAT" is no DAT of the past), a time after it ("at any time", "at disease
        // onset"), a result in the past tense, or a disease it qualifies ("Coombs-negative AIHA"): any time; a later
        // result does not undo it. A moment of the screening after it ("at screening") is the latest result.
        Matcher moment = MOMENT.matcher(s.lower).region(end, s.lower.length());
        boolean atMoment = moment.lookingAt();
        Matcher after = EVER_AFTER.matcher(s.lower).region(end, s.lower.length());
        boolean timeAfter = !atMoment && after.lookingAt();
        boolean qualifies = withDisease(s, start) || DISEASE_AFTER.matcher(s.lower).region(end, s.lower.length())
            .lookingAt();
        boolean past = EVER.matcher(s.lower.substring(clauseStart(s.lower, start), start)).find() || timeAfter
            || HAD.matcher(s.lower.substring(0, start)).find()
            || WAS.matcher(s.lower.substring(start, end)).find();
        boolean ever = window == null && !atMoment && (past || qualifies);
        // a negative result of the past ("Documented negative DAT", "History of a negative Coombs test") is not "never
        // positive": a positive before it would fail the patient, and the latest result may be another. Asked.
        if (!positive && ever && !qualifies) continue;
        Rule rule = rule(spec == null || end <= m.start("spec") ? null : spec,
            window == null ? s.context.settings().recencyDays() : window, ever,
            m.group("only") != null && end >= m.end("only"));
        if (!positive) rule = new Not(rule);
        s.read(start, end, rule);
        if (atMoment) s.explain(end, moment.end());
        else if (timeAfter && ever) s.explain(end, after.end());
      }
    }
  }

  /** Where the clause holding the test at {@code start} begins. */
  private static int clauseStart(String lower, int start) {
    Matcher c = CLAUSE.matcher(lower).region(0, start);
    int from = 0;
    while (c.find()) from = c.end();
    return from;
  }

  private static final Pattern WITH = Pattern.compile("(?:\\bwith|\\band|\\(|,)\\s*(?:a\\s+)?$");

  /** "Cold agglutinin disease with a positive DAT for C3d": a disease named before, joined by "with". */
  private static boolean withDisease(Sentence s, int start) {
    if (!WITH.matcher(s.lower.substring(0, start)).find()) return false;
    for (org.eligo.criteria.lexicon.ConceptMention m : s.mentions) {
      if (m.end() <= start && m.kind() == org.eligo.criteria.lexicon.ConceptKind.CONDITION) return true;
    }
    return false;
  }

  /** "DAT" is read only as the capitals ("date" and "data" are words). */
  private static boolean datUpper(Sentence s, int start, int end) {
    Matcher m = Pattern.compile("\\bdat\\b").matcher(s.lower).region(start, end);
    while (m.find()) if (!s.text.startsWith("DAT", m.start())) return false;
    return true;
  }

  /** The days of a window the sentence gives the test ("within 3 months prior to screening"), else null. */
  private static Integer window(Sentence s, int at) {
    Timing t = s.timingFor(at);
    return t != null && t.window() instanceof TimeWindow.WithinDays w ? w.days() : null;
  }

  private static final Pattern CLOSE = Pattern.compile("\\s*\\)");

  private static Rule rule(String spec, int recency, boolean ever, boolean only) {
    if (spec == null) return dat(recency, ever);
    String sp = spec.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    boolean igg = sp.startsWith("igg");
    boolean c3 = sp.matches(".*\\b(?:c3d?|c3b|complement)\\b.*");
    // "for C3d only": the other specificity negative ("DAT positive for C3d only", the cold agglutinin pattern)
    if (igg && !c3) return only ? new AllOf(List.of(igg(recency, ever), new Not(c3(recency, false))))
        : igg(recency, ever);
    if (!igg) return only ? new AllOf(List.of(c3(recency, ever), new Not(igg(recency, false)))) : c3(recency, ever);
    if (sp.matches(".*(?:with or without|±|\\+/-|or (?:anti-? ?)?igg).*")) return igg(recency, ever); // C3 either
    if (sp.matches(".*\\bor\\b.*")) return dat(recency, ever); // "IgG and/or C3d": the DAT itself
    return new AllOf(List.of(igg(recency, ever), c3(recency, ever))); // "IgG + C3d", "IgG and C3d"
  }

  private static QualitativeResultRule dat(int recency, boolean ever) {
    return new QualitativeResultRule("direct antiglobulin test (DAT)", Set.of(DAT, DAT_IGG, DAT_C3),
        List.of(Set.of(DAT), Set.of(DAT_IGG, DAT_C3)), recency, ever);
  }

  private static QualitativeResultRule igg(int recency, boolean ever) {
    return new QualitativeResultRule("DAT for IgG", Set.of(DAT_IGG), List.of(Set.of(DAT_IGG), Set.of(DAT)), recency,
        ever);
  }

  private static QualitativeResultRule c3(int recency, boolean ever) {
    return new QualitativeResultRule("DAT for C3d (complement)", Set.of(DAT_C3), List.of(Set.of(DAT_C3), Set.of(DAT)),
        recency, ever);
  }
}
