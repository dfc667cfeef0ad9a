package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * A patient naive to a drug in the inclusion list: "Naive to complement inhibitor therapy", "Eculizumab-naïve",
 * "TPO-RA naive patients", "Patients must be treatment-naive to romiplostim", "Previously untreated with
 * eltrombopag" (DECISIONS §73): the drug never taken,
 * {@code not(medication ever)}, as "No prior exposure to X" already reads. A medication list without the drug meets
 * it, one with it fails it, no list leaves it open. "Naive" had been read as a past moment and left unread. Only a
 * drug or drug class the terminology knows is read; "Treatment-naive" alone, or a disease ("untreated ITP"), names no
 * treatment the record can be searched for and stays asked.
 */
final class NaiveRecogniser implements Recogniser {
  private static final String WHO = "(?:(?:patients?|subjects?|participants?|adults?)\\s+(?:must\\s+be|should\\s+be"
      + "|who\\s+are|are)\\s+|(?:must|should)\\s+be\\s+)?";
  private static final Pattern NAIVE_TO = Pattern.compile("(?i)^\\s*" + WHO + "(?:(?:treatment|therapy)[- ])?"
      + "na[iï]ve\\s+(?:to|of)\\s+(?:(?:any\\s+)?(?:prior\\s+)?(?:treatment|therapy)\\s+with\\s+)?(?:any\\s+)?(?:prior\\s+)?"
      + "(?<x>[^,;:()]+?)(?:\\s+(?:therapy|therapies|treatment|treatments|agents?|drugs?))?\\s*[.;]?\\s*$");
  private static final Pattern X_NAIVE = Pattern.compile("(?i)^\\s*" + WHO + "(?<x>[\\p{L}\\d][\\p{L}\\d /-]*?)"
      + "(?:\\s+(?:therapy|treatment))?[- ]na[iï]ve(?:\\s+(?:patients?|subjects?|participants?|adults?))?\\s*[.;]?\\s*$");

  /** "Previously untreated with eltrombopag": read as "untreated" not understood beside the drug, it required it. */
  private static final Pattern UNTREATED = Pattern.compile("(?i)^\\s*" + WHO + "(?:previously\\s+|prior(?:ly)?\\s+)?"
      + "untreated\\s+(?:with|by)\\s+(?:any\\s+)?(?:prior\\s+)?(?<x>[^,;:()]+?)(?:\\s+(?:therapy|therapies|treatment"
      + "|agents?|drugs?))?\\s*[.;]?\\s*$");

  @Override
  public void read(Sentence s) {
    if (s.type != CriterionType.INCLUSION || !s.children.isEmpty() || !s.lower.contains("na")
        && !s.lower.contains("untreated")) {
      return;
    }
    Matcher m = NAIVE_TO.matcher(s.text);
    if (!m.matches()) {
      m = X_NAIVE.matcher(s.text);
      if (!m.matches()) m = UNTREATED.matcher(s.text);
      if (!m.matches()) return;
    }
    Rule taken = s.parser.parseNested("Prior treatment with " + m.group("x").strip(), s.type, s.depth + 1);
    if (!everTaken(taken)) return;
    s.settle(new Not(taken));
  }

  /** A drug (or any of several) at any time, and nothing else. */
  private static boolean everTaken(Rule rule) {
    return switch (rule) {
      case MedicationRule m -> m.timing() == MedicationTiming.EVER;
      case AnyOf a -> a.rules().stream().allMatch(NaiveRecogniser::everTaken);
      default -> false;
    };
  }
}
