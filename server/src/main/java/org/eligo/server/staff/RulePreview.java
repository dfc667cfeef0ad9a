package org.eligo.server.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.json.RuleFileReading;
import org.eligo.criteria.json.RuleSetJson;

/**
 * Checks a rule set a coordinator typed (the same checks the registry applies when it loads curated rules, concept
 * names included) and previews it against a few sample patients of different ages and sexes.
 */
final class RulePreview {

  /** A sample patient and what the draft rules make of them. */
  record Sample(String label, TrialResult result) {
  }

  private static volatile RuleSetJson codec;

  private RulePreview() {
  }

  static RuleFileReading read(String json) {
    return codec().read(json);
  }

  static List<Sample> preview(CriteriaSet criteria, LocalDate asOf) {
    List<Sample> samples = new ArrayList<>();
    Object[][] people = {{"Girl, 8", 8, Sex.FEMALE}, {"Woman, 34", 34, Sex.FEMALE}, {"Man, 52", 52, Sex.MALE},
        {"Woman, 71", 71, Sex.FEMALE}, {"Man, 85", 85, Sex.MALE}};
    for (Object[] p : people) {
      PatientFacts facts = PatientFacts.of("sample-" + p[1], asOf.minusYears((Integer) p[1]).minusDays(30),
          (Sex) p[2]);
      samples.add(new Sample((String) p[0], TrialEvaluator.evaluate(criteria, PatientIndex.of(facts),
          new EvaluationContext(asOf).explaining())));
    }
    return samples;
  }

  private static RuleSetJson codec() {
    RuleSetJson c = codec;
    if (c == null) {
      synchronized (RulePreview.class) {
        if (codec == null) codec = RuleSetJson.checkedAgainst(CriteriaCompiler.standard().lexicon());
        c = codec;
      }
    }
    return c;
  }
}
