package org.eligo.criteria.parse;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Reads dialysis: "Patients on dialysis", "requiring dialysis", "on hemodialysis or peritoneal dialysis", "end-stage
 * renal disease requiring dialysis", "dialysis-dependent", "history of dialysis".
 *
 * <p>Being on dialysis is a treatment that goes on, which a record shows in two ways: dialysis procedures, one every
 * few days, or a dependence-on-dialysis status (ICD-10-CM Z99.2) that is active. So "on dialysis" (and a bare
 * "dialysis") is any of: a dialysis procedure within the last {@value #CURRENT_DAYS} days, the dependence active with
 * the question whether dialysis goes on (the code also stands for a shunt made for dialysis), or a
 * dialysis at some earlier time with the question whether it still goes on (records often log the start of chronic
 * dialysis and not each session). "History of dialysis", "prior dialysis" is either at any time; a window ("dialysis
 * within the past 3 months") either within it. A record without any procedure leaves the procedure part UNKNOWN
 * (DECISIONS §24). Read as a procedure alone, "requiring dialysis" had been a treatment to come and left unread.
 */
final class DialysisRecogniser implements Recogniser {
  /** Days within which a dialysis procedure shows the patient on dialysis: weeks, not the thrice-weekly sessions. */
  static final int CURRENT_DAYS = 30;
  static final String PROCEDURE = "dialysis";
  static final String DEPENDENCE = "dialysis-dependence";
  private static final Set<String> CONCEPTS = Set.of(PROCEDURE, DEPENDENCE);
  private static final Keywords KEYWORDS = Keywords.of("dialy", "renal replacement");

  /** Words before the name that make it a past treatment: "history of", "prior", "previously on", "had received". */
  private static final Pattern EVER_BEFORE = Pattern.compile("\\b(?:history\\s+of|prior|previous(?:ly)?|past|ever"
      + "|formerly|(?:had|have|has)\\s+(?:received|undergone|required|needed|been\\s+on)|received|underwent|required"
      + "|needed)\\b(?:\\s+(?:\\w+|\\([^)]*\\)))?\\s*(?:or\\s+\\w+\\s+)?$");
  /** Words before the name that say it goes on now: "on", "requiring", "dependent on" (explained with the name). */
  private static final Pattern CURRENT_BEFORE = Pattern.compile("\\b(?:(?:currently|presently|still|chronically)\\s+)?"
      + "(?:on|requiring|requires?|receiving|undergoing|needing|needs?|in\\s+need\\s+of|dependent\\s+on|dependence\\s+on"
      + "|treated\\s+with|maintained\\s+on|managed\\s+with)\\s+(?:(?:chronic|maintenance|long-term|regular|ongoing"
      + "|renal|intermittent)\\s+)*$");

  @Override
  public void read(Sentence s) {
    if (!KEYWORDS.in(s.lower)) return;
    List<ConceptMention> names = s.mentions.stream()
        .filter(m -> CONCEPTS.contains(m.id()) && s.free(m.start(), m.end())).toList();
    if (names.isEmpty()) return;
    // "hemodialysis or peritoneal dialysis": one reading from the first name to the last when only "or", "and" or a
    // comma stand between them
    int start = names.getFirst().start();
    int end = names.getFirst().end();
    for (ConceptMention m : names.subList(1, names.size())) {
      if (JOIN.matcher(s.lower.substring(end, m.start())).matches()) {
        end = m.end();
        continue;
      }
      readOne(s, start, end);
      start = m.start();
      end = m.end();
    }
    readOne(s, start, end);
  }

  private static final Pattern JOIN = Pattern.compile("[\\s,/]*(?:\\b(?:or|and|and/or)\\b)?[\\s,/]*");

  /**
   * Kidney failure named without a kind the terminology holds, right after "dialysis-dependent" ("Dialysis-dependent
   * renal failure") or before "on dialysis", "requiring dialysis" ("Renal failure requiring hemodialysis"): being on
   * dialysis is that failure, so the words add nothing to the dialysis. Left unread, they stood beside it as a part
   * no record can meet, and the sentence never excluded a patient on dialysis.
   */
  private static final String KIDNEY_FAILURE = "(?:(?:acute|chronic|severe|advanced)\\s+)?(?:renal|kidney)\\s+"
      + "(?:failure|insufficiency|impairment|disease)";
  private static final Pattern KIDNEY_FAILURE_AFTER = Pattern.compile("^\\s+" + KIDNEY_FAILURE + "\\b");
  private static final Pattern KIDNEY_FAILURE_BEFORE = Pattern.compile("\\b" + KIDNEY_FAILURE + "\\s*,?\\s*$");

  private static void readOne(Sentence s, int start, int end) {
    String before = s.lower.substring(Math.max(0, start - 60), start);
    Matcher current = CURRENT_BEFORE.matcher(before);
    if (current.find()) {
      int from = start - (before.length() - current.start());
      s.explain(from, start);
      explainKidneyFailure(s, KIDNEY_FAILURE_BEFORE.matcher(s.lower.substring(Math.max(0, from - 60), from)),
          Math.max(0, from - 60));
    }
    if (DEPENDENT.matcher(s.lower.substring(start, end)).find()) {
      explainKidneyFailure(s, KIDNEY_FAILURE_AFTER.matcher(s.lower.substring(end)), end);
    }
    Timing t = s.timingFor(start);
    Rule rule;
    Integer lasted = t != null && t.explicit() && t.window() == null ? lastedDays(t) : null;
    if (lasted != null) {
      // "Patients requiring dialysis for more than 3 months", "Dialysis-dependent for at least 90 days": how long
      // dialysis has gone on, which sessions on a record do not show (an export holds some of them): the dialysis as
      // read, its length asked. Read as dialysis alone, a patient dialysed for two weeks in an acute episode was
      // excluded; "for more than 8 weeks prior to screening" had read the dialysis at any time
      Rule dialysis = EVER_BEFORE.matcher(before).find() ? either(TimeWindow.EVER, TimeWindow.EVER) : onDialysis();
      rule = new AllOf(List.of(dialysis, new Ask("Has the patient's dialysis gone on for " + lasted + " days or more,"
          + " as the trial means it: \u201c" + s.text + "\u201d?")));
    } else if (t != null && t.explicit() && t.window() instanceof TimeWindow.WithinDays w) {
      rule = either(TimeWindow.within(w.days()), TimeWindow.within(w.days()));
    } else if (EVER_BEFORE.matcher(before).find() || s.cueFor(start) == Sentence.Cue.EVER
        || s.cueFor(start) == Sentence.Cue.PAST) {
      rule = either(TimeWindow.EVER, TimeWindow.EVER);
    } else {
      rule = onDialysis();
    }
    s.read(start, end, rule);
  }

  /** On dialysis now: a recent session, the dependence with the question, or an earlier session asked. */
  private static Rule onDialysis() {
    return new AnyOf(List.of(
        new ProcedureRule(Set.of(PROCEDURE), TimeWindow.within(CURRENT_DAYS), "dialysis"),
        dependence(TimeWindow.ACTIVE, "is the patient on dialysis now?"),
        new AllOf(List.of(new ProcedureRule(Set.of(PROCEDURE), TimeWindow.EVER, "dialysis"),
            new Ask("Is the patient still on dialysis (none recorded in the last " + CURRENT_DAYS + " days)?")))));
  }

  /** The length a sentence gives the dialysis ("for more than 3 months", "for at least 90 days"), or null. */
  private static Integer lastedDays(Timing t) {
    return switch (t.medication()) {
      case org.eligo.core.rule.MedicationTiming.ForAtLeastDays f -> f.days();
      case org.eligo.core.rule.MedicationTiming.ContinuousFor c -> c.days();
      case null, default -> null;
    };
  }

  private static final Pattern DEPENDENT = Pattern.compile("dependen");

  /** Explains kidney-failure words the matcher found at {@code offset}, when no other reading holds them. */
  private static void explainKidneyFailure(Sentence s, Matcher m, int offset) {
    if (!m.find()) return;
    int from = offset + m.start();
    int to = offset + m.end();
    boolean named = s.mentions.stream().anyMatch(c -> c.start() < to && from < c.end());
    if (!named && s.free(from, to)) s.explain(from, to);
  }

  private static Rule either(TimeWindow procedure, TimeWindow dependence) {
    return new AnyOf(List.of(new ProcedureRule(Set.of(PROCEDURE), procedure, "dialysis"),
        dependence(dependence, "has the patient had dialysis in that time?")));
  }

  /**
   * The dependence status, asked: ICD-10-CM codes Z99.2 also for an arteriovenous shunt made for dialysis, which is
   * made months before dialysis starts, and problem lists keep it after a kidney transplant ends dialysis; alone it
   * never shows dialysis (DECISIONS §36), while a record without it still rules dialysis out by its procedures.
   */
  private static Rule dependence(TimeWindow window, String question) {
    return new AllOf(List.of(new ConditionRule(Set.of(DEPENDENCE), Set.of(), window, "dependence on dialysis"),
        new Ask("The record lists a dependence on renal dialysis (a status ICD-10-CM also gives an arteriovenous shunt"
            + " made for dialysis): " + question)));
  }
}
