package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * A washout given only in half-lives in the inclusion list: "Washout of 5 half-lives from eltrombopag", "Must have
 * discontinued eltrombopag at least 5 half-lives prior to randomization", "At least 5 half-lives since the last dose
 * of avatrombopag" (DECISIONS §73). Read by the other passes as the drug taken at any time beside words not read, it
 * failed every patient who never took the drug. The terminology holds no half-lives, and none is invented: the
 * sentence is any of (the drug never taken, ask whether the last dose was that many half-lives ago). A patient whose
 * medication list holds none of the drugs passes, one who took them is asked, no list leaves it open. A sentence that
 * also gives a time in days, weeks or months is left to {@link ShorterWindowRecogniser} and {@link WashoutRecogniser}.
 */
final class HalfLifeWashout implements Recogniser {
  private static final Pattern HALF_LIVES = Pattern.compile("(?i)(?<n>" + Numbers.NUMBER + ")\\s*(?:\\(\\d+\\)\\s*)?"
      + "(?:drug\\s+)?(?:elimination\\s+)?half[- ]?li(?:fe|ves)");
  private static final Pattern DURATION = Pattern.compile("(?i)" + Durations.DURATION + "|\\b\\d+\\s*(?:hours?|hrs?"
      + "|h)\\b");
  /** Words that make the half-lives a time since the drug: a washout. */
  private static final Pattern CUE = Pattern.compile("(?i)\\b(?:wash[- ]?out|since|discontinu\\w*|stopp?\\w*|off|free"
      + "|prior\\s+to|before|last\\s+dose|elapsed|passed|preceding)\\b");
  /** Words that grant, except or leave the washout to a condition: not read here. */
  private static final Pattern OTHER = Pattern.compile("(?i)\\b(?:unless|except|allowed|permitted|eligible|if|only"
      + "|investigational|study|experimental|whichever|or\\s+longer|not\\s+required|no\\s+washout)\\b");

  @Override
  public void read(Sentence s) {
    if (s.type != CriterionType.INCLUSION || !s.children.isEmpty() || !s.lower.contains("half")) return;
    Matcher half = HALF_LIVES.matcher(s.text);
    if (!half.find() || half.find() || DURATION.matcher(s.text).find() || !CUE.matcher(s.text).find()
        || OTHER.matcher(s.text).find()) {
      return;
    }
    if (!s.freeMentions(ConceptKind.CONDITION).isEmpty() || !s.freeMentions(ConceptKind.PROCEDURE).isEmpty()
        || !s.freeMentions(ConceptKind.VACCINE).isEmpty()) {
      return;
    }
    List<ConceptMention> drugs = s.freeMentions(ConceptKind.DRUG);
    if (drugs.isEmpty()) return;
    Set<String> ids = new LinkedHashSet<>();
    List<String> labels = new ArrayList<>();
    for (ConceptMention d : drugs) {
      if (ids.add(d.id())) labels.add(d.label());
    }
    String label = String.join(" or ", labels);
    MedicationRule taken = new MedicationRule(ids, MedicationTiming.EVER, label);
    half.reset();
    half.find();
    s.settle(new AnyOf(List.of(new Not(taken), new Ask("Was the last dose of " + label + " more than "
        + half.group("n") + " half-lives ago, as the trial means it: \u201c" + s.text.strip() + "\u201d?"))));
  }
}
