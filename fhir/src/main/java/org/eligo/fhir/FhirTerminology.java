package org.eligo.fhir;

import java.util.Optional;
import java.util.Set;

/**
 * What the FHIR reader needs from the terminology: codes and names to concept ids, LOINC codes to measures and
 * infection tests, values to a measure's canonical unit, and qualitative answers to positive or negative. {@link TerminologyAdapter} implements it over the terminology module.
 */
public interface FhirTerminology {

  /** Concept ids (classes included) for a code of a code system given by its FHIR URI; empty when unknown. */
  Set<String> conceptsForCode(String system, String code);

  /** Concept ids for a name, synonym or brand name; empty when unknown. */
  Set<String> conceptsForText(String text);

  /**
   * Whether {@code text} names its concepts only by short abbreviations set among other words ("PE tubes in place",
   * "CVA tenderness", "Hb-SS"): the abbreviation may stand for something else there.
   */
  default boolean namedOnlyByAbbreviation(String text) {
    return false;
  }

  /**
   * The value concepts an answer code of a coded measure stands for, e.g. {@code not-pregnant} for a pregnancy
   * status answer; empty when unknown.
   */
  Set<String> answerConceptsForCode(String measureKey, String system, String code);

  /** The value concepts an answer given as text stands for (exact names only); empty when unknown. */
  Set<String> answerConceptsForText(String measureKey, String text);

  /** The measure a LOINC code records, or empty when it is none Eligo uses. */
  Optional<Measure> measureForLoinc(String loincCode);

  /**
   * The numeric measure a result's name is exactly a name of ("Platelet count", "PLT", case ignored), or empty when
   * it names none or more than one. Used only to tell that a result without a LOINC code may be a newer one of the
   * measure, never to read its value.
   */
  default Optional<Measure> measureForName(String name) {
    return Optional.empty();
  }

  /** The infection test a LOINC code records (HBsAg, HCV RNA ...), or empty when it is none Eligo reads. */
  default Optional<InfectionTest> infectionTestForLoinc(String loincCode) {
    return Optional.empty();
  }

  /**
   * Whether a coded qualitative answer (SNOMED CT Positive, LOINC answer Not detected, HL7 v3 interpretation NEG)
   * means positive ({@code true}) or negative ({@code false}); empty when it is neither or unknown.
   */
  default Optional<Boolean> positiveForCode(String system, String code) {
    return Optional.empty();
  }

  /** As {@link #positiveForCode}, for an answer written as text ("Reactive", "Not detected"); exact names only. */
  default Optional<Boolean> positiveForText(String text) {
    return Optional.empty();
  }

  /**
   * The value in the measure's canonical unit.
   *
   * @param unit the unit as the record writes it (UCUM or a common spelling)
   */
  Conversion toCanonical(Measure measure, double value, String unit);

  /**
   * Whether a quantity's UCUM code and the unit it displays both express the measure but give it different values:
   * a lab that maps its display unit "K/uL" to the code "/uL" sends a platelet count of 150 ×10⁹/L that read by the
   * code is 0.15 ×10⁹/L. Which of the two is right the record does not say, so the value is not used (DECISIONS 90).
   * False when either is missing, when they are written alike, or when one of them cannot express the measure.
   */
  default boolean unitsDisagree(Measure measure, double value, String code, String unit) {
    if (code == null || unit == null || code.isBlank() || unit.isBlank() || code.strip().equals(unit.strip())) {
      return false;
    }
    if (!(toCanonical(measure, value, code.strip()) instanceof Conversion.Converted byCode)) return false;
    if (!(toCanonical(measure, value, unit.strip()) instanceof Conversion.Converted byUnit)) return false;
    double scale = Math.max(Math.abs(byCode.value()), Math.abs(byUnit.value()));
    return Math.abs(byCode.value() - byUnit.value()) > 0.005 * scale;
  }

  /**
   * A measure as the reader needs it.
   *
   * @param key the measure key used in patient facts, e.g. {@code anc}
   * @param label a readable name for messages, e.g. "absolute neutrophil count"
   * @param canonicalUnit the UCUM unit facts are kept in, e.g. {@code 10*9/L}; {@code 1} or an annotation like
   *     {@code {score}} for unitless measures
   * @param plausibleLow the lowest believable value in the canonical unit, or null
   * @param plausibleHigh the highest believable value in the canonical unit, or null
   * @param coded true for measures whose value is a code (e.g. {@code pregnancy-status})
   * @param plausibleZero whether exactly 0 is believable though values up to {@code plausibleLow} are not (a platelet
   *     count of 0)
   */
  record Measure(String key, String label, String canonicalUnit, Double plausibleLow, Double plausibleHigh,
                 boolean coded, boolean plausibleZero) {
    Measure(String key, String label, String canonicalUnit, Double plausibleLow, Double plausibleHigh, boolean coded) {
      this(key, label, canonicalUnit, plausibleLow, plausibleHigh, coded, false);
    }

    /** Whether a value in the canonical unit is one a patient can have (both readers use this one check). */
    public boolean plausible(double value) {
      if (plausibleZero && value == 0) return true;
      return (plausibleLow == null || value >= plausibleLow) && (plausibleHigh == null || value <= plausibleHigh);
    }

    /** The label with "a" or "an" before it, for messages. */
    public String withArticle() {
      return ("aeiouAEIOU".indexOf(label.isEmpty() ? 'x' : label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    /** True when a value needs no unit: the canonical unit is {@code 1} or an annotation. */
    public boolean unitless() {
      return coded || canonicalUnit.equals("1") || (canonicalUnit.startsWith("{") && canonicalUnit.endsWith("}"));
    }
  }

  /**
   * A laboratory test for an infection as the reader needs it.
   *
   * @param label the test's name as results are shown, e.g. "HBsAg"
   * @param infection the concept id of the infection it tests for, e.g. {@code hepatitis-b}
   * @param concepts that concept and every class that includes it
   * @param positive what a positive result shows
   * @param negative what a negative result shows, or empty when it shows nothing (an undetectable viral load)
   * @param viralLoad true when a quantity of virus above zero is a positive result
   */
  record InfectionTest(String key, String label, String infection, java.util.Set<String> concepts,
                       org.eligo.core.patient.InfectionResult.Finding positive,
                       Optional<org.eligo.core.patient.InfectionResult.Finding> negative, boolean viralLoad) {
    public InfectionTest {
      concepts = java.util.Set.copyOf(concepts);
    }
  }

  /** The outcome of a unit conversion. */
  sealed interface Conversion {
    /** The value in the canonical unit. */
    record Converted(double value) implements Conversion {}

    /**
     * Why the value could not be converted.
     *
     * @param kind what went wrong
     * @param reason the terminology's explanation, e.g. "unknown unit 'bananas'"
     */
    record Failed(Kind kind, String reason) implements Conversion {}

    /** What went wrong in a conversion. */
    enum Kind {
      /** The unit is not one Eligo can read. */
      UNKNOWN_UNIT,
      /** The unit measures something else than the measure (mg/dL for a count). */
      INCOMPATIBLE_UNIT,
      /** The converted value is outside the measure's plausible range. */
      IMPLAUSIBLE_VALUE,
      /** Anything else, e.g. a coded measure given a number. */
      OTHER
    }
  }
}
