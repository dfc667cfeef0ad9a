/**
 * The evaluator: applies a trial's criteria to one patient on an as-of date and explains the verdict criterion by
 * criterion.
 *
 * <p>One evaluator per kind of rule ({@code XxxEvaluator}), dispatched by {@link org.eligo.core.eval.RuleEvaluator}
 * with an exhaustive switch; {@link org.eligo.core.eval.TrialEvaluator} turns criterion statuses into a
 * {@link org.eligo.core.eval.Verdict}. The evaluation date comes from {@link org.eligo.core.eval.EvaluationContext};
 * nothing here reads the clock.
 */
package org.eligo.core.eval;
