package org.eligo.referral.form;

import java.util.List;
import java.util.Objects;

/** The outcome of checking an interest form: accepted with its clean value, or refused with every problem found. */
public sealed interface FormCheck permits FormCheck.Accepted, FormCheck.Refused {

  /** The form is valid. */
  record Accepted(InterestForm form) implements FormCheck {
    public Accepted {
      Objects.requireNonNull(form, "form");
    }
  }

  /** The form is not valid; {@code problems} is never empty. */
  record Refused(List<FieldProblem> problems) implements FormCheck {
    public Refused {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) throw new IllegalArgumentException("a refused form has at least one problem");
    }
  }
}
