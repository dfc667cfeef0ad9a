package org.eligo.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.eligo.core.logic.Truth;

/** The result of evaluating one rule: its truth, the evidence behind it, and the questions that would settle it. */
public record Outcome(Truth truth, List<Evidence> evidence, List<String> questions) {
  public Outcome {
    evidence = List.copyOf(evidence);
    questions = List.copyOf(questions);
  }

  public static Outcome of(Truth truth) {
    return new Outcome(truth, List.of(), List.of());
  }

  public static Outcome of(Truth truth, List<Evidence> evidence) {
    return new Outcome(truth, evidence, List.of());
  }

  public static Outcome unknown(String question, List<Evidence> evidence) {
    return new Outcome(Truth.UNKNOWN, evidence, List.of(question));
  }

  public static Outcome unknown(String question) {
    return unknown(question, List.of());
  }

  /** The same outcome with MET and NOT_MET swapped. */
  public Outcome negate() {
    return new Outcome(truth.not(), evidence, questions);
  }

  /** Evidence and questions of several parts, without duplicates, in order. */
  static Outcome combine(Truth truth, List<Outcome> parts) {
    List<Evidence> evidence = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (Outcome part : parts) {
      for (Evidence e : part.evidence()) if (!evidence.contains(e)) evidence.add(e);
      for (String q : part.questions()) if (!questions.contains(q)) questions.add(q);
    }
    return new Outcome(truth, evidence, questions);
  }
}
