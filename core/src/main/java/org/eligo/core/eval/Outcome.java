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

  private static final Outcome MET = new Outcome(Truth.MET, List.of(), List.of());
  private static final Outcome NOT_MET = new Outcome(Truth.NOT_MET, List.of(), List.of());
  private static final Outcome UNKNOWN = new Outcome(Truth.UNKNOWN, List.of(), List.of());

  /** A bare outcome (shared instances: deciding allocates nothing). */
  public static Outcome of(Truth truth) {
    return switch (truth) {
      case MET -> MET;
      case NOT_MET -> NOT_MET;
      case UNKNOWN -> UNKNOWN;
    };
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
    return evidence.isEmpty() && questions.isEmpty() ? of(truth.not()) : new Outcome(truth.not(), evidence, questions);
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
