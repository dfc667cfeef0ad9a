package org.eligo.fhir.testkit;

import org.eligo.fhir.TerminologyAdapter;
import org.eligo.terminology.Terminology;
import org.eligo.terminology.measure.Measure;

/** Codes the test kit takes from the terminology's data rather than writing them itself. */
public final class MeasureCodes {
  private MeasureCodes() {}

  /**
   * The first LOINC code the terminology lists for a measure (or, for coded status measures the terminology does
   * not list yet, the FHIR module's own verified supplement).
   *
   * @throws IllegalArgumentException when no LOINC code is known for the measure
   */
  public static Code loinc(String measureKey) {
    Terminology terminology = Terminology.load();
    Measure measure = terminology.measures().stream().filter(m -> m.key().equals(measureKey)).findFirst()
        .orElse(null);
    if (measure != null && !measure.loinc().isEmpty()) {
      var c = measure.loinc().getFirst();
      return Code.loinc(c.code()).display(c.display());
    }
    String supplement = TerminologyAdapter.supplementLoinc(measureKey);
    if (supplement != null) return Code.loinc(supplement);
    throw new IllegalArgumentException("the terminology lists no LOINC code for measure '" + measureKey + "'");
  }

  /** True when {@code unit} is valid UCUM (so the builder also writes it as the quantity's code). */
  public static boolean isUcum(String unit) {
    return Terminology.load().ucum().isValid(unit);
  }
}
