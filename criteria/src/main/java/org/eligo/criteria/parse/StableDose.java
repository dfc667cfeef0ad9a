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

  private StableDose() {}

  /** The condition, or null when the sentence is not a stable dose alone. */
  static Rule read(Sentence s) {
    if (s.type != CriterionType.INCLUSION) return null;
    StringBuilder masked = new StringBuilder(s.lower);
    Set<String> ids = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    int last = -1;
    for (ConceptMention m : s.mentions) {
      if (m.kind() != ConceptKind.DRUG) return null; // a disease, a procedure or a lab limit beside it: not this shape
      if (m.start() < last) continue;
      ids.add(m.id());
      labels.add(ConceptRecogniser.label(m));
      masked.setCharAt(m.start(), '§');
      for (int i = m.start() + 1; i < m.end(); i++) masked.setCharAt(i, '\u0000');
      last = m.end();
    }
    if (ids.isEmpty()) return null;
    String text = masked.toString().replace("\u0000", "");
    Matcher shape = SHAPES.matcher(text);
    if (!shape.lookingAt()) return null;
    // the words after it: a time ("for ≥ 4 weeks prior to enrollment"), "if applicable"; a drug named there is the
    // dose's own ("(prednisone ≤ 10 mg/day)"), anything that joins another need leaves the sentence to the others
    String rest = text.substring(shape.end()).replace("§", "drug");
    if (OTHER.matcher(rest).find()) return null;
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
