package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * A dose limit on a drug: "Systemic corticosteroids (&gt; 10 mg/day prednisone or equivalent) within 14 days prior to
 * enrollment", "Prednisone &gt; 20 mg/day within 2 weeks", "dexamethasone ≥ 40 mg per week". Records seldom state a
 * dose in a form that can be compared (a free-text dosage, another steroid, a dose per kg), so the drug in its time is
 * read and the dose is asked ({@code dose} hedge): a patient with no such drug in the window is decided, one on it is
 * asked, never excluded on a guess about the dose. A drug named only as the scale of an equivalence ("prednisone or
 * equivalent", "prednisone-equivalent") is that scale, not a drug taken.
 */
final class DoseRecogniser implements Recogniser {
  private static final Keywords HINT = Keywords.of("mg", "mcg", "µg");
  /** "1.5 mg/dL", "30 mg/g", "mg/24 h": a lab value's unit, not a dose. */
  private static final String NOT_A_CONCENTRATION = "(?!\\s*(?:/|per)\\s*(?:d?l\\b|dl|ml|µl|ul|mm|g\\b|24|h\\b|hr|hour"
      + "|min|l\\b|1\\.73))";
  private static final Pattern DOSE = Pattern.compile("\\(?\\s*(?:[<>≤≥]=?|(?:more|greater|less|higher|lower)\\s+than"
      + "|at\\s+least|above|over|exceeding|in\\s+excess\\s+of|up\\s+to|no\\s+more\\s+than|a\\s+dose\\s+of)\\s*"
      + "\\d+(?:[.,]\\d+)?\\s*(?:mg|mcg|µg)(?![a-z])" + NOT_A_CONCENTRATION + "(?:\\s*(?:/|per)\\s*(?:kg|m2|m²))?"
      + "(?:\\s*(?:/|per|a|each)\\s*(?:day|d|week|wk)(?![a-z])|\\s+daily|\\s+weekly)?"
      + "(?<scale>\\s+(?:of\\s+)?(?:prednisone|prednisolone|methylprednisolone|dexamethasone|hydrocortisone)"
      + "(?:\\s+or\\s+(?:an?\\s+)?(?:equivalent|equivalence)(?:\\s+dose)?|[- ]equivalents?(?:\\s+dose)?"
      + "|\\s+equivalents?(?:\\s+dose)?)|\\s+(?:or\\s+)?(?:an?\\s+)?equivalent(?:\\s+dose)?)?\\s*\\)?");

  /** "≤ 10 mg/day", "up to 20 mg", "no more than 0.5 mg/kg": a most the dose may be, not a least. */
  private static final Pattern CEILING = Pattern.compile("^\\(?\\s*(?:[<≤]|(?:less|lower)\\s+than|up\\s+to|no\\s+more\\s+than)");

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower) || s.mentions.stream().noneMatch(c -> c.kind() == ConceptKind.DRUG)) return;
    Matcher m = DOSE.matcher(s.lower);
    while (m.find()) {
      if (s.explainedAny(m.start(), m.end()) || afterMeasure(s, m.start())) continue;
      int start = m.start();
      int end = m.end();
      if (m.group("scale") != null) {
        // "prednisone or equivalent": the scale of the dose, not a drug the sentence names
        for (ConceptMention c : s.mentions) {
          if (c.kind() == ConceptKind.DRUG && c.start() >= m.start("scale") && c.end() <= m.end("scale")) {
            s.consume(c.start(), c.end());
          }
        }
      }
      s.hedge(start, end, "dose", null);
      if (CEILING.matcher(m.group()).find()) s.doseCeiling = true;
    }
  }

  /** Whether a lab measure is named right before {@code position} ("urine protein &gt; 500 mg/day"): its limit. */
  private static boolean afterMeasure(Sentence s, int position) {
    for (ConceptMention c : s.mentions) {
      if (c.kind() == ConceptKind.MEASURE && c.end() <= position && position - c.end() <= 30) return true;
    }
    return false;
  }
}
