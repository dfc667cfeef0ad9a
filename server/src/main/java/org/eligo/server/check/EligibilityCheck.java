package org.eligo.server.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.MatchCandidate;

/**
 * One step of a questionnaire over one or many trials: each trial's result for the answers so far, and the next
 * question worth asking: one that an undecided trial's open criterion still needs. A trial already decided
 * (ELIGIBLE or INELIGIBLE) asks nothing more. Stateless: the answers travel with each request.
 *
 * @param results each trial with its result, ranked (ELIGIBLE, NEEDS_INFO by fewest open questions, INELIGIBLE)
 * @param questions every question the trials need, in asking order
 * @param next the next question, or null when nothing more can be asked
 */
public record EligibilityCheck(List<CheckedTrial> results, List<Question> questions, Question next) {

  public EligibilityCheck {
    results = List.copyOf(results);
    questions = List.copyOf(questions);
  }

  public static EligibilityCheck run(List<MatchCandidate> candidates, Answers answers, LocalDate asOf,
                                     Function<Question, String> wording) {
    List<CheckedTrial> results = new ArrayList<>();
    List<Question> all = new ArrayList<>();
    List<Question> open = new ArrayList<>();
    for (MatchCandidate c : candidates) {
      TrialResult result = AnswerEvaluator.evaluate(c.criteria(), answers, asOf, wording);
      results.add(new CheckedTrial(c.trial(), result));
      all.addAll(QuestionPlanner.questions(c.criteria()));
      if (result.verdict() != Verdict.NEEDS_INFO) continue;
      for (CriterionResult r : result.criteria()) {
        if (!r.status().isUnknown() || r.criterion().confirmAtScreening()) continue;
        for (Question q : QuestionPlanner.questions(c.criteria().trialId(), r.criterion())) {
          if (answers.answered(q.key()) || skipped(q, answers)) continue;
          open.add(q);
        }
      }
    }
    results.sort(CheckedTrial.RANKING);
    Question next = open.stream().min(Comparator.comparingInt(Question::order)).orElse(null);
    return new EligibilityCheck(results, QuestionPlanner.merge(all), next);
  }

  /** Questions answered so far, in asking order. */
  public List<Question> answered(Answers answers) {
    return questions.stream().filter(q -> answers.answered(q.key())).toList();
  }

  /** Pregnancy and breastfeeding are not asked of someone who said they are male. */
  private static boolean skipped(Question q, Answers answers) {
    return (q.key().equals(QuestionPlanner.PREGNANT) || q.key().equals(QuestionPlanner.BREASTFEEDING))
        && "male".equals(answers.get(QuestionPlanner.SEX));
  }
}
