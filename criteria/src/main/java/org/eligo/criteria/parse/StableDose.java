package org.eligo.criteria.parse;

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
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * A stable dose written as a condition on those who take the drug, in the inclusion list: "Stable dose of danazol for
 * ≥ 4 weeks", "Corticosteroids at a stable dose for at least 2 weeks prior to enrollment", "Dose of eltrombopag must be
 * stable for 4 weeks", "If receiving eltrombopag, stable dose for 4 weeks". Such a sentence says how a patient who
 * takes the drug must take it; it does not say that every patient must take it. Read as the drug and a question, every
 * patient never on it failed (DECISIONS §55). It is {@code any of (not taking the drug now, asked whether the dose has
 * been stable)}: a patient not on it meets it, one on it is asked (no record gives dose changes, and a start date may be
 * a renewed order's). A sentence that says the patient must be on the drug ("On a stable dose of eltrombopag",
 * "Receiving a stable dose of …", "Must be on a stable dose of …") is left as read: it requires the drug.
 */
final class StableDose {
  private static final String DRUGS = "§(?:\\s*(?:,|/|and/or|and|or)\\s*§)*";
  private static final String DOSE = "(?:doses?|dosing|dosages?|regimens?)";
  private static final String STABLE = "(?:stable|unchanged|constant)";
  /** "the dose … must be / has been / remains stable". */
  private static final String DOSE_IS_STABLE = DOSE + "\\s+(?:(?:must|should|has\\s+to|have\\s+to|needs?\\s+to|will)\\s+)?"
      + "(?:be\\s+|been\\s+|have\\s+been\\s+|has\\s+been\\s+|is\\s+|are\\s+|remains?\\s+|remained\\s+)?" + STABLE;

  private static final Pattern SHAPES = Pattern.compile("^\\s*(?:"
      // "Stable dose of danazol", "A stable daily dose of corticosteroids"
      + "(?:(?:a|the)\\s+)?" + STABLE + "\\s+(?:(?:daily|weekly)\\s+)?" + DOSE + "\\s+of\\s+" + DRUGS
      // "Corticosteroids at a stable dose", "Concomitant hydroxyurea dose stable", "Danazol: stable dose"
      + "|(?:(?:concomitant|concurrent|current|background|ongoing)\\s+)?(?:(?:use\\s+of|treatment\\s+with|therapy\\s+with)"
      + "\\s+)?" + DRUGS + "\\s*(?::\\s*|\\s+(?:at|on)\\s+)?(?:(?:a|the)\\s+)?(?:" + STABLE + "\\s+" + DOSE + "|" + DOSE_IS_STABLE
      + ")"
      // "Stable hydroxyurea dose", "A stable daily corticosteroid dose" (§61)
      + "|(?:(?:a|the)\\s+)?" + STABLE + "\\s+(?:(?:daily|weekly)\\s+)?" + DRUGS + "\\s+" + DOSE
      // "Concomitant corticosteroids must be at a stable dose", "Hydroxyurea should be on a stable dose" (§61)
      + "|(?:(?:concomitant|concurrent|current|background|ongoing)\\s+)?" + DRUGS + "\\s+(?:(?:must|should|has\\s+to"
      + "|have\\s+to|needs?\\s+to)\\s+)?(?:be|been|have\\s+been|has\\s+been|is|are)\\s+(?:at|on)\\s+(?:a\\s+)?" + STABLE
      + "\\s+" + DOSE
      // "Dose of eltrombopag must be stable", "The dose of corticosteroids has been stable"
      + "|(?:the\\s+)?" + DOSE + "\\s+of\\s+" + DRUGS + "\\s+(?:(?:must|should|has\\s+to|needs?\\s+to|will)\\s+)?(?:be|been"
      + "|have\\s+been|has\\s+been|remains?|remained|is|are)\\s+" + STABLE
      // "If receiving eltrombopag, stable dose for 4 weeks", "For patients on danazol, the dose must be stable …"
      + "|(?:if|when|where|for\\s+(?:patients|subjects|participants|those)|in\\s+(?:patients|subjects|participants|those))"
      + "\\s+(?:who\\s+are\\s+)?(?:(?:currently|already|concurrently)\\s+)?(?:receiving|on|taking|using|treated\\s+with)\\s+"
      + "(?:(?:concomitant|concurrent|a|an)\\s+)?" + DRUGS + "(?:\\s+(?:therapy|treatment))?\\s*,?\\s*(?:(?:the|their|a)\\s+)?"
      + "(?:" + STABLE + "\\s+" + DOSE + "|" + DOSE_IS_STABLE + "|(?:they\\s+|patients\\s+|subjects\\s+)?(?:must|should)"
      + "\\s+(?:be|have\\s+been)\\s+(?:on\\s+|at\\s+)?(?:a\\s+)?" + STABLE + "(?:\\s+" + DOSE + ")?)"
      + ")(?![\\p{L}\\d])");

  /** What may follow the stable dose: its time, when it is counted from, "if applicable"; nothing that adds a need. */
  private static final Pattern OTHER = Pattern.compile(";|\\b(?:or|and|unless|but|except|no|not|without|only"
      + "|must\\s+be\\s+(?:on|receiving|taking)|required)\\b|[≥≤<>]\\s*\\d+(?:[.,]\\d+)?\\s*(?:x|×|\\*|%|g/|mg/dl|/µl|/ul"
      + "|/mm)");

  /**
   * Words after the stable dose that add no need (§61): the scale of a dose ("≤ 10 mg/day prednisone or equivalent"),
   * "is required" (every inclusion criterion is), and a dose to be kept ("and expected to remain stable during the
   * study", "and the dose must remain unchanged", "with no planned dose changes", "(dose changes not permitted)"). Each had tripped {@link #OTHER} ("or",
   * "and", "no", "not", "required"), and the sentence was read as the drug required: every patient never on it failed.
   */
  private static final Pattern NO_NEED = Pattern.compile("\\b(?:or|and/or)\\s+(?:an?\\s+|the\\s+)?equivalent(?:\\s+dose)?\\b"
      + "|\\b(?:(?:is|are)\\s+(?:also\\s+)?)?required\\s*[.;]?\\s*$"
      + "|,?\\s*\\b(?:and|with)\\s+(?:(?:is|are)\\s+)?(?:expected|planned|anticipated|intended|likely|willing)\\s+to\\s+"
      + "(?:remain|stay|be\\s+kept|be\\s+maintained|continue)\\b(?:\\s+(?:stable|unchanged|constant|at\\s+(?:a|the)\\s+"
      + "(?:stable|same)\\s+dose))?"
      + "|,?\\s*\\band\\s+(?:the\\s+|their\\s+)?(?:dose\\s+)?(?:must|should|will|is\\s+to|are\\s+to)\\s+(?:remain|stay|be\\s+kept"
      + "|be\\s+maintained)\\s+(?:stable|unchanged|constant)\\b"
      + "|,?\\s*\\b(?:and\\s+|with\\s+)?no\\s+(?:(?:planned|anticipated|expected|intended)\\s+)?(?:plans?\\s+to\\s+"
      + "(?:change|modify|adjust)\\s+(?:the\\s+)?dose|(?:dose\\s+)?(?:changes?|modifications?|adjustments?)(?:\\s+(?:is|are)"
      + "\\s+(?:planned|anticipated|expected|permitted|allowed))?)"
      + "|\\b(?:dose\\s+)?(?:changes?|modifications?|adjustments?)\\s+(?:(?:is|are)\\s+)?not\\s+(?:permitted|allowed"
      + "|planned|anticipated|expected)\\b");

  private StableDose() {}

  /** The condition, or null when the sentence is not a stable dose alone. */
  static Rule read(Sentence s) {
    if (s.type != CriterionType.INCLUSION) return null;
    StringBuilder masked = new StringBuilder(s.lower);
    // a clause whose names are indifferent ("Stable dose of corticosteroids, with or without other ITP therapy, for
    // ≥ 4 weeks") names nothing of the sentence: set aside, as the other passes set it aside (§59, §61)
    boolean[] aside = new boolean[s.lower.length()];
    for (Pattern clause : List.of(HedgeRecogniser.WITH_OR_WITHOUT_CLAUSE, HedgeRecogniser.REGARDLESS_CLAUSE)) {
      Matcher c = clause.matcher(s.lower);
      while (c.find()) {
        int from = c.start();
        while (from > 0 && (s.lower.charAt(from - 1) == ',' || s.lower.charAt(from - 1) == ' ')) from--;
        for (int i = from; i < c.end(); i++) {
          aside[i] = true;
          masked.setCharAt(i, '\u0000');
        }
      }
    }
    List<ConceptMention> drugs = new java.util.ArrayList<>();
    int last = -1;
    for (ConceptMention m : s.mentions) {
      if (aside[m.start()]) continue;
      if (m.kind() != ConceptKind.DRUG) return null; // a disease, a procedure or a lab limit beside it: not this shape
      if (m.start() < last) continue;
      drugs.add(m);
      masked.setCharAt(m.start(), '§');
      for (int i = m.start() + 1; i < m.end(); i++) masked.setCharAt(i, '\u0000');
      last = m.end();
    }
    if (drugs.isEmpty()) return null;
    String text = masked.toString().replace("\u0000", "");
    Matcher shape = SHAPES.matcher(text);
    if (!shape.lookingAt()) return null;
    // the words after it: a time ("for ≥ 4 weeks prior to enrollment"), "if applicable"; a drug named there is the
    // dose's own ("(prednisone ≤ 10 mg/day)"), anything that joins another need leaves the sentence to the others
    String rest = text.substring(shape.end()).replace("§", "drug");
    // twice: "… is required and the dose must remain unchanged" ends in "is required" once the keeping is set aside
    String needs = NO_NEED.matcher(NO_NEED.matcher(rest).replaceAll(" ")).replaceAll(" ");
    if (OTHER.matcher(needs).find()) return null;
    // the drugs are those the shape names; one named after it is the scale of the dose ("prednisone or equivalent")
    int named = (int) text.substring(0, shape.end()).chars().filter(ch -> ch == '§').count();
    Set<String> ids = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    for (ConceptMention m : drugs.subList(0, named)) {
      ids.add(m.id());
      labels.add(ConceptRecogniser.label(m));
    }
    String label = String.join(" or ", labels);
    return new AnyOf(List.of(new Not(new MedicationRule(ids, MedicationTiming.CURRENT, label)),
        new Ask("The patient takes " + label + ": has the dose been stable as the trial requires? \u201c" + s.text
            + "\u201d")));
  }

  /** Whether a sentence is read by {@link #read}: its group, if any, is the drug's, not one to read again. */
  static boolean reads(Rule rule) {
    return rule instanceof AnyOf any && any.rules().size() == 2 && any.rules().get(1) instanceof Ask ask
        && ask.question().startsWith("The patient takes ") && ask.question().contains(": has the dose been stable");
  }
}
