package org.eligo.criteria.parse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Reads allergy and hypersensitivity to drugs: "allergy to sirolimus", "Anaphylactic or hypersensitivity reaction to
 * sirolimus", "allergic to the study drug" (the trial's drug interventions, when known). Anaphylaxis alone narrows the
 * rule to anaphylactic reactions. "Allergy or intolerance to eculizumab" is the allergy, or the drug taken and its
 * intolerance asked; "allergic reaction to compounds of similar chemical composition to X" is the allergy to X, or the
 * class asked (DECISIONS §35).
 */
final class AllergyRecogniser implements Recogniser {
  private static final Pattern BETWEEN_DRUGS = Pattern.compile(
      "\\s*(?:,|or|and|and/or|other|any)?\\s*(?:other\\s+|any\\s+)?");
  private static final Pattern TRIGGER = Pattern.compile(
      "\\b(?:known\\s+)?(?<words>(?:(?:allerg(?:y|ies|ic)|hypersensitiv(?:e|ity|ities)|anaphyla(?:xis|ctic))"
          + "(?:\\s+(?:or|and/or|and)\\s+)?)+(?:intoleran(?:ce|ces|t))?)(?:\\s+reactions?)?\\s+(?:to|against|with)\\s+"
          + "(?:any\\s+of\\s+)?(?:the\\s+)?");
  /** "… to compounds of similar chemical composition to eltrombopag": a class around the drug, asked. */
  private static final Pattern SIMILAR = Pattern.compile("(?:compounds?|agents?|drugs?|medications?|substances?"
      + "|products?)\\s+(?:of|with)\\s+(?:an?\\s+)?similar\\s+(?:chemical\\s+)?(?:composition|structure|class)\\s+"
      + "(?:to|as)\\s+(?:the\\s+)?");
  private static final Pattern STUDY_DRUG = Pattern.compile(
      "(?:study|investigational|trial)\\s+(?:drugs?|medications?|products?|treatments?|agents?)");

  @Override
  public void read(Sentence s) {
    if (!s.lower.contains("allerg") && !s.lower.contains("hypersens") && !s.lower.contains("anaphyla")) return;
    Matcher m = TRIGGER.matcher(s.lower);
    while (m.find()) {
      if (!s.free(m.start(), m.end())) continue;
      String words = m.group("words");
      boolean anaphylaxisOnly = words.contains("anaphyla") && !words.contains("allerg") && !words.contains("hyper");
      Set<String> concepts = new LinkedHashSet<>();
      String label = null;
      Matcher similar = SIMILAR.matcher(s.lower).region(m.end(), s.lower.length());
      boolean likeIt = similar.lookingAt();
      int end = likeIt ? similar.end() : m.end();
      for (ConceptMention c : s.mentions) {
        if (c.kind() != ConceptKind.DRUG || c.start() < end || !s.free(c.start(), c.end())) continue;
        String between = s.lower.substring(end, c.start());
        if (!BETWEEN_DRUGS.matcher(between).matches()) break;
        concepts.add(c.id());
        label = label == null ? ConceptRecogniser.label(c) : label + " or " + ConceptRecogniser.label(c);
        end = c.end();
      }
      if (concepts.isEmpty() && !likeIt) {
        Matcher study = STUDY_DRUG.matcher(s.lower).region(m.end(), s.lower.length());
        if (study.lookingAt() && !s.context.studyDrugConcepts().isEmpty()) {
          concepts.addAll(s.context.studyDrugConcepts());
          label = "the study drug";
          end = study.end();
        }
      }
      if (concepts.isEmpty()) continue;
      Rule allergy = new AllergyRule(concepts, anaphylaxisOnly, label);
      if (likeIt) {
        // a class the record cannot name: an allergy to the drug itself is one, anything else is asked
        allergy = new AnyOf(List.of(allergy, new Ask("Has the patient had an allergic reaction to a compound chemically "
            + "similar to " + label + ", as the trial means it: \u201c" + s.text + "\u201d?")));
      } else if (words.contains("intoleran")) {
        // "Known allergy or intolerance to eculizumab": an allergy on record, or the drug not tolerated (asked)
        allergy = new AnyOf(List.of(allergy, new AllOf(List.of(new MedicationRule(concepts, MedicationTiming.EVER,
            label), new Ask("Did the patient not tolerate " + label + " (stopped or unsuitable because of side"
            + " effects)?")))));
        int from = m.start();
        int to = m.end();
        s.hedges.removeIf(h -> h.family().equals("intolerant") && h.start() >= from && h.end() <= to);
      }
      s.read(m.start(), end, allergy);
    }
  }
}
