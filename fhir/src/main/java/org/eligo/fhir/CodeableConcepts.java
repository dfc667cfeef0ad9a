package org.eligo.fhir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.patient.Unidentified;
import org.eligo.terminology.CodeSystems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Maps a CodeableConcept to concept ids: by each coding's system and code first, then, when no code is known, by
 * its text and displays (text-only codings, brand names).
 */
final class CodeableConcepts {
  private CodeableConcepts() {}

  /**
   * What a CodeableConcept means.
   *
   * @param concepts concept ids, classes included; empty when nothing is recognised
   * @param text a readable name: the concept's text, else a display, else a code
   */
  record Meaning(Set<String> concepts, String text) {
    static final Meaning NONE = new Meaning(Set.of(), "");

    boolean known() {
      return !concepts.isEmpty();
    }
  }

  /** The meaning of {@code concept}, reporting at {@code path} when nothing in it is recognised. */
  static Meaning read(ResourceScope scope, String path, CodeableConcept concept) {
    Meaning meaning = quietly(scope.terminology(), concept);
    if (concept == null || concept.isEmpty()) {
      scope.warn(path, "is missing");
    } else if (!meaning.known()) {
      List<String> codes = concept.getCoding().stream().filter(Coding::hasCode)
          .map(c -> (c.hasSystem() ? c.getSystem() : "(no system)") + "|" + c.getCode()).toList();
      scope.info(path, codes.isEmpty() ? "its text names no known concept; it cannot match a criterion"
          : "no known concept for " + String.join(", ", codes) + " or its text; it cannot match a criterion");
    }
    return meaning;
  }

  /**
   * The meaning of a diagnosis or a drug: as {@link #read}, except that one with no name (no text, no display) whose
   * codes Eligo does not know, or that has no code at all, is {@link Unidentified}: named by its codes ("SNOMED CT
   * 306058006"), it leaves the criteria it could answer open instead of counting as some other diagnosis or drug.
   */
  static Meaning readIdentity(ResourceScope scope, String path, CodeableConcept concept) {
    Meaning meaning = quietly(scope.terminology(), concept);
    if (!meaning.known() && nameless(concept)) {
      String codes = codes(concept);
      if (codes.isEmpty()) {
        scope.warn(path, "is missing; the criteria it could answer stay open (UNKNOWN) rather than ruled out");
        return new Meaning(Unidentified.CONCEPTS, NO_CODE);
      }
      scope.info(path, "Eligo does not know " + codes + " and the record gives no name for it; the criteria it could"
          + " answer stay open (UNKNOWN) rather than ruled out");
      return new Meaning(Unidentified.CONCEPTS, codes);
    }
    return read(scope, path, concept);
  }

  /** How an unidentified entry without any code is named. */
  static final String NO_CODE = "no code or name";

  /** Whether {@code concept} gives no name: no text and no display that is not blank (codes or not). */
  static boolean nameless(CodeableConcept concept) {
    if (concept == null) return true;
    if (concept.hasText() && !concept.getText().isBlank()) return false;
    for (Coding c : concept.getCoding()) if (c.hasDisplay() && !c.getDisplay().isBlank()) return false;
    return true;
  }

  /** The codes of {@code concept} as a person reads them: "SNOMED CT 306058006, ICD-10-CM D61.9"; empty if none. */
  static String codes(CodeableConcept concept) {
    if (concept == null) return "";
    return String.join(", ", concept.getCoding().stream().filter(c -> c.hasCode() && !c.getCode().isBlank())
        .map(c -> CodeSystems.label(c.getSystem(), c.getCode())).toList());
  }

  /** The meaning of {@code concept} without reporting. */
  static Meaning quietly(FhirTerminology terminology, CodeableConcept concept) {
    if (concept == null || concept.isEmpty()) return Meaning.NONE;
    if (uncertainGermanDiagnosis(concept)) return new Meaning(Unidentified.CONCEPTS, textOf(concept));
    Set<String> concepts = new LinkedHashSet<>();
    for (Coding c : concept.getCoding()) {
      if (c.hasSystem() && c.hasCode()) concepts.addAll(terminology.conceptsForCode(c.getSystem(), c.getCode()));
    }
    if (concepts.isEmpty() && concept.hasText()) concepts.addAll(terminology.conceptsForText(concept.getText()));
    if (concepts.isEmpty()) {
      for (Coding c : concept.getCoding()) {
        if (c.hasDisplay()) concepts.addAll(terminology.conceptsForText(c.getDisplay()));
      }
    }
    return new Meaning(concepts, textOf(concept));
  }

  /** ICD-10-GM's certainty of a diagnosis, on its coding (German base profile; MII search parameter). */
  static final String GERMAN_CERTAINTY = "http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit";

  /**
   * Whether a coding carries an ICD-10-GM certainty other than "G" (secured): "V" suspected, "Z" a condition after,
   * "A" excluded. Such an entry may be no diagnosis at all, so it is read as unidentified: it proves nothing and rules
   * nothing out.
   */
  private static boolean uncertainGermanDiagnosis(CodeableConcept concept) {
    for (Coding c : concept.getCoding()) {
      org.hl7.fhir.r4.model.Extension e = c.getExtensionByUrl(GERMAN_CERTAINTY);
      if (e == null) continue;
      String code = e.getValue() instanceof Coding v ? v.getCode()
          : e.getValue() instanceof org.hl7.fhir.r4.model.PrimitiveType<?> p ? p.getValueAsString() : null;
      if (!"G".equals(code == null ? null : code.strip())) return true;
    }
    return false;
  }

  /**
   * Whether {@code concept} is recognised only from its words, and those name it only by an abbreviation among other
   * words ({@link FhirTerminology#namedOnlyByAbbreviation}): no code of it is known.
   */
  static boolean namedOnlyByAbbreviation(FhirTerminology terminology, CodeableConcept concept) {
    if (concept == null) return false;
    for (Coding c : concept.getCoding()) {
      if (c.hasSystem() && c.hasCode() && !terminology.conceptsForCode(c.getSystem(), c.getCode()).isEmpty()) {
        return false;
      }
    }
    if (concept.hasText() && !terminology.conceptsForText(concept.getText()).isEmpty()) {
      return terminology.namedOnlyByAbbreviation(concept.getText());
    }
    for (Coding c : concept.getCoding()) {
      if (c.hasDisplay() && !terminology.conceptsForText(c.getDisplay()).isEmpty()) {
        return terminology.namedOnlyByAbbreviation(c.getDisplay());
      }
    }
    return false;
  }

  /** A readable name for a concept: its text, else the first display, else the first code. */
  static String textOf(CodeableConcept concept) {
    if (concept == null) return "";
    if (concept.hasText()) return concept.getText();
    for (Coding c : concept.getCoding()) if (c.hasDisplay()) return c.getDisplay();
    for (Coding c : concept.getCoding()) if (c.hasCode()) return c.getCode();
    return "";
  }
}
