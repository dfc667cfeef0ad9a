/**
 * "Check my eligibility" as a questionnaire: which questions a trial's rules need ({@link QuestionPlanner}), the
 * person's answers ({@link Answers}), and evaluating the rules over those answers ({@link AnswerEvaluator}) so that an
 * unanswered question stays unknown instead of being read as "no". Nothing here is stored.
 */
package org.eligo.server.check;
