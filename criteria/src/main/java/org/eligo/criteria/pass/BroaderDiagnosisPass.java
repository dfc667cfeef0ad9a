package org.eligo.criteria.pass;

import java.util.LinkedHashSet;
import java.util.Set;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptLexicon;

/**
 * Keeps a record that is less specific than a criterion from excluding the patient.
 *
 * <p>A criterion may require a specific diagnosis ("acquired aplastic anemia") while the record carries only the
 * general one (ICD-10-CM D61.9, aplastic anemia, unspecified). Read closed-world, the specific rule is NOT_MET and
 * the patient would be wrongly excluded. Where a diagnosis must be present for the patient to stay eligible — inside
 * an inclusion criterion, or negated inside an exclusion — this pass turns {@code condition(specific)} into
 * {@code any of: condition(specific); all of: condition(broader), ask("... specifically <specific>?")}, so the general
 * record gives UNKNOWN with the question, never NOT_MET. Where a diagnosis excludes (an exclusion's positive part),
 * the closed-world reading stays: a general record does not prove the specific exclusion.
 */
public final class BroaderDiagnosisPass {
  private final ConceptLexicon lexicon;

  public BroaderDiagnosisPass(ConceptLexicon lexicon) {
    this.lexicon = lexicon;
  }

  private final ConditionRewrite rewrite = new ConditionRewrite((c, mustHold) -> mustHold ? widen(c) : c);

  public Rule apply(Rule rule, CriterionType type) {
    return rewrite.apply(rule, type);
  }

  private Rule widen(ConditionRule c) {
    Set<String> broader = new LinkedHashSet<>();
    for (String concept : c.concepts()) broader.addAll(lexicon.broaderThan(concept));
    broader.removeAll(c.concepts());
    if (broader.isEmpty()) return c;
    ConditionRule general = new ConditionRule(broader, c.except(), c.window(), "a broader diagnosis");
    Ask specific = new Ask("Is the patient's diagnosis specifically " + c.label() + "?");
    return AnyOf.of(c, AllOf.of(general, specific));
  }
}
