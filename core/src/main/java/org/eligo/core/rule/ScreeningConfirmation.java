package org.eligo.core.rule;

/**
 * Something only the screening visit can confirm (informed consent, willingness to use contraception,
 * investigator judgement). Listed for the trial team; never counted for or against the patient.
 */
public record ScreeningConfirmation(String what) implements Rule {
  public ScreeningConfirmation {
    if (what == null || what.isBlank()) throw new IllegalArgumentException("screening confirmation needs a text");
  }
}
