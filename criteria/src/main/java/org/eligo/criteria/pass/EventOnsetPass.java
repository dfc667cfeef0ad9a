package org.eligo.criteria.pass;

import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.criteria.lexicon.ConceptLexicon;

/**
 * Reads "within N days" over one-off events as "began within N days".
 *
 * <p>A diagnosis "within the last 6 months" counts when it was present at any time in the window, so one still marked
 * active counts whatever its onset: right for a lasting disease ("malignancy within the past 5 years", an active cancer
 * since 2018), wrong for an event. Problem lists keep an acute myocardial infarction of 2015 active for years; read as
 * present it made "Myocardial infarction within 6 months" MET and excluded the patient. Where every concept of a
 * diagnosis rule is an event in the terminology ({@code "event": true}: myocardial infarction, stroke, pulmonary
 * embolism), this pass marks its window {@link TimeWindow#began}: the evaluator and the SQL peer then count it by its
 * onset alone (DECISIONS §25). A rule naming a lasting disease beside an event keeps the wider reading.
 */
public final class EventOnsetPass {
  private final ConceptLexicon lexicon;
  private final ConditionRewrite rewrite = new ConditionRewrite((c, mustHold) -> mark(c));

  public EventOnsetPass(ConceptLexicon lexicon) {
    this.lexicon = lexicon;
  }

  public Rule apply(Rule rule, CriterionType type) {
    return rewrite.apply(rule, type);
  }

  private Rule mark(ConditionRule c) {
    if (!(c.window() instanceof TimeWindow.WithinDays w) || w.onset() || c.concepts().isEmpty()) return c;
    for (String concept : c.concepts()) if (!lexicon.isEvent(concept)) return c;
    return new ConditionRule(c.concepts(), c.except(), TimeWindow.began(w.days()), c.label());
  }
}
