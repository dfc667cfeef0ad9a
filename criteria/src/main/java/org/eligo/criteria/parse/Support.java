package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Drug support named beside a transfusion after a blood count ("ANC ≥ 1,000/mm3 (without transfusion or growth factor
 * support within 14 days)", "Hemoglobin ≥ 9 g/dL without transfusion or ESA within 4 weeks"). Left to the other
 * passes, the "or" made every limit of the sentence an alternative (a platelet count of 60 met "platelets ≥ 75,000"
 * beside a good hemoglobin) or read the drug as taken ("took a TPO-RA within 7 days" met the limit). The support is a
 * condition on the count: met where the record lists none of the named drugs in the window, asked otherwise, and
 * asked whenever a word names no drug Eligo knows ("growth factor"): it never fails a patient.
 */
final class Support {
  /** Hematopoietic support given to raise a count. */
  static final String WORDS = "(?:(?:hematopoietic|haematopoietic|myeloid|thrombopoietic|erythropoietic)\\s+agents?"
      + "|(?:(?:hematopoietic|haematopoietic|myeloid|thrombopoietic|erythropoietic)\\s+)?(?:growth[\\s-]+factors?"
      + "|colony[\\s-]+stimulating\\s+factors?|g-?csfs?|gm-?csfs?|cytokines?"
      + "|(?:recombinant\\s+(?:human\\s+)?)?erythropoietin|(?:rh)?epo|esas?|epoetin(?:\\s+(?:alfa|beta))?"
      + "|darbepoetin(?:\\s+alfa)?|(?:erythropoiesis|erythroid|erythropoietic)[\\s-]+stimulating\\s+agents?"
      + "|thrombopoietin(?:\\s+receptor)?\\s+(?:agonists?|mimetics?)|(?:recombinant\\s+(?:human\\s+)?)?thrombopoietin"
      + "|rh-?tpo|tpo[\\s-]?ras?|tpo\\s+(?:receptor\\s+)?(?:agonists?|mimetics?)|romiplostim|eltrombopag|avatrombopag"
      + "|hetrombopag|lusutrombopag|filgrastim|pegfilgrastim|lenograstim|sargramostim))\\b"
      // "erythropoiesis-stimulating agents (ESAs)": the abbreviation given again
      + "(?:\\s*\\(\\s*[a-z-]{2,8}\\s*\\))?(?:\\s+(?:support|therapy|treatment|administration|use))?";
  /**
   * Between two names of a list: "transfusion or growth factor", "transfusion, G-CSF, or erythropoietin" (a comma
   * before the last "or" had left the last name over, an alternative to the limits).
   */
  static final String SEP = "\\s*(?:,\\s*(?:and/or|or|and)?|/|and/or|or|and)\\s*";
  /** Words of the clause that name no support: the connectives, "without", "transfusion", the window. */
  private static final Pattern NOT_A_NAME = Pattern.compile("\\b(?:without|independent|of|in|the|absence|not"
      + "|supported|by|any|blood|platelets?|red|cells?|rbc|transfusions?|support|therapy|treatment|administration|use"
      + "|hematopoietic|haematopoietic|myeloid|and|or|for|at|least|a|minimum|within|during|previous|past|last"
      + "|preceding|prior|days?|weeks?|months?|wks?|\\d+|one|two|three|four|six|eight|twelve|fourteen)\\b");

  private Support() {}

  /** The condition the support words in {@code [start, end)} set on a count measured within {@code days}. */
  static Rule without(Sentence s, int start, int end, int days) {
    String clause = s.lower.substring(start, end);
    Matcher words = Pattern.compile(WORDS).matcher(clause);
    List<String> named = new ArrayList<>();
    while (words.find()) named.add(s.text.substring(start + words.start(), start + words.end()).strip());
    Ask ask = new Ask("Was the result measured without " + String.join(" or ", named) + " in the "
        + RuleDescriber.span(days) + " before it?");
    Set<String> drugs = new LinkedHashSet<>();
    List<String> labels = new ArrayList<>();
    StringBuilder rest = new StringBuilder(clause);
    for (ConceptMention m : s.mentions) {
      if (m.kind() != ConceptKind.DRUG || m.start() < start || m.end() > end) continue;
      if (drugs.add(m.id())) labels.add(m.label());
      for (int i = m.start() - start; i < m.end() - start; i++) rest.setCharAt(i, ' ');
    }
    String unnamed = NOT_A_NAME.matcher(rest.toString().replaceAll("[^a-z0-9\\s-]", " ")).replaceAll(" ").strip();
    if (drugs.isEmpty() || !unnamed.replaceAll("[\\s-]+", "").isEmpty()) return ask;
    // the window is before the result, which may be as old as the recency allows: a drug taken in it, or since, is asked
    // (counted back from today only, an agonist stopped the day before a count of two months ago had passed it)
    return new AnyOf(List.of(new Not(new MedicationRule(drugs,
        new MedicationTiming.WithinDays(days + s.context.settings().recencyDays()), String.join(" or ", labels))), ask));
  }
}
