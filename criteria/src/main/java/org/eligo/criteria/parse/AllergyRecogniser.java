package org.eligo.criteria.parse;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllergyRule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Reads allergy and hypersensitivity to drugs: "allergy to sirolimus", "Anaphylactic or hypersensitivity reaction to
 * sirolimus", "allergic to the study drug" (the trial's drug interventions, when known). Anaphylaxis alone narrows the
 * rule to anaphylactic reactions.
 */
final class AllergyRecogniser implements Recogniser {
  private static final Pattern BETWEEN_DRUGS = Pattern.compile(
      "\\s*(?:,|or|and|and/or|other|any)?\\s*(?:other\\s+|any\\s+)?");
  private static final Pattern TRIGGER = Pattern.compile(
      "\\b(?:known\\s+)?(?<words>(?:(?:allerg(?:y|ies|ic)|hypersensitiv(?:e|ity|ities)|anaphyla(?:xis|ctic))"
          + "(?:\\s+(?:or|and/or|and)\\s+)?)+)(?:\\s+reactions?)?\\s+(?:to|against|with)\\s+(?:any\\s+of\\s+)?(?:the\\s+)?");
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
      int end = m.end();
      for (ConceptMention c : s.mentions) {
        if (c.kind() != ConceptKind.DRUG || c.start() < m.end() || !s.free(c.start(), c.end())) continue;
        String between = s.lower.substring(end, c.start());
        if (!BETWEEN_DRUGS.matcher(between).matches()) break;
        concepts.add(c.id());
        label = label == null ? ConceptRecogniser.label(c) : label + " or " + ConceptRecogniser.label(c);
        end = c.end();
      }
      if (concepts.isEmpty()) {
        Matcher study = STUDY_DRUG.matcher(s.lower).region(m.end(), s.lower.length());
        if (study.lookingAt() && !s.context.studyDrugConcepts().isEmpty()) {
          concepts.addAll(s.context.studyDrugConcepts());
          label = "the study drug";
          end = study.end();
        }
      }
      if (concepts.isEmpty()) continue;
      s.read(m.start(), end, new AllergyRule(concepts, anaphylaxisOnly, label));
    }
  }
}
