package org.eligo.fhir.testkit;

import java.util.Objects;

/**
 * A coding for the test kit: a code system URI, a code passed in by the test (never made up here) and an optional
 * display. {@link #text(String)} gives a text-only concept with no coding.
 */
public record Code(String system, String code, String display) {
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String ATC = "http://www.whocc.no/atc";
  public static final String LOINC = "http://loinc.org";
  public static final String CVX = "http://hl7.org/fhir/sid/cvx";

  public Code {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(code, "code");
  }

  public static Code icd10(String code) {
    return new Code(ICD10CM, code, null);
  }

  public static Code snomed(String code) {
    return new Code(SNOMED, code, null);
  }

  public static Code rxnorm(String code) {
    return new Code(RXNORM, code, null);
  }

  public static Code atc(String code) {
    return new Code(ATC, code, null);
  }

  public static Code loinc(String code) {
    return new Code(LOINC, code, null);
  }

  public static Code cvx(String code) {
    return new Code(CVX, code, null);
  }

  /** No coding at all: the concept is given by its text only. */
  public static Code text(String text) {
    return new Code("", "", text);
  }

  /** The same code with a display. */
  public Code display(String text) {
    return new Code(system, code, text);
  }

  /** True for {@link #text(String)} codes. */
  public boolean textOnly() {
    return system.isEmpty();
  }
}
