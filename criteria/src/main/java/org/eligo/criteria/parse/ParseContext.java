package org.eligo.criteria.parse;

import java.util.List;
import java.util.Objects;
import org.eligo.criteria.lexicon.ConceptLexicon;

/**
 * What the parser knows besides the sentence: the terminology port, its settings and the trial's study drugs (for
 * "allergic to the study drug").
 *
 * @param studyDrugConcepts concept ids of the trial's drug interventions; empty when unknown
 */
public record ParseContext(ConceptLexicon lexicon, ParserSettings settings, List<String> studyDrugConcepts) {
  public ParseContext {
    Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(settings, "settings");
    studyDrugConcepts = List.copyOf(studyDrugConcepts);
  }
}
