package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eligo.core.patient.AllergyFact;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceReactionComponent;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * AllergyIntolerance: the substance (code, and each reaction's substance) to concepts; {@code anaphylaxis} when a
 * reaction's manifestation maps to the concept {@code anaphylaxis} or names it. Refuted and entered-in-error
 * entries are skipped.
 */
final class AllergyMapper {
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
  static final String ANAPHYLAXIS = "anaphylaxis";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  static final Set<String> VERIFICATION_CODES = Set.of("unconfirmed", "presumed", "confirmed", "refuted",
      "entered-in-error");
  static final Set<String> CLINICAL_CODES = Set.of("active", "inactive", "resolved");
  /** Verification statuses that do not establish an allergy. */
  static final Set<String> NOT_COUNTED_VERIFICATION = Set.of("unconfirmed", "presumed");

  private AllergyMapper() {}

  static void map(AllergyIntolerance allergy, ResourceScope scope, PatientFactsCollector facts) {
    String verification = ConditionMapper.statusCode(allergy.getVerificationStatus(), VERIFICATION,
        VERIFICATION_CODES);
    if (ConditionMapper.UNREADABLE.equals(verification)) {
      scope.skip("verificationStatus", "is not an allergyintolerance-verification code (it may say refuted); the"
          + " allergy is not established");
      return;
    }
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
      scope.skip("verificationStatus", "verification status is " + verification);
      return;
    }
    // A doubted, outgrown or mere intolerance does not make the patient allergic; nor does a text that denies it.
    if (verification != null && NOT_COUNTED_VERIFICATION.contains(verification)) {
      scope.skip("verificationStatus", "the allergy is " + verification + ", not established");
      return;
    }
    String clinical = ConditionMapper.statusCode(allergy.getClinicalStatus(), CLINICAL, CLINICAL_CODES);
    if ("inactive".equals(clinical) || "resolved".equals(clinical)) {
      scope.skip("clinicalStatus", "the allergy is " + clinical);
      return;
    }
    if (allergy.hasType() && allergy.getType() == AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE) {
      scope.skip("type", "an intolerance is not an allergy");
      return;
    }
    Set<String> fromReactions = new LinkedHashSet<>();
    for (AllergyIntoleranceReactionComponent reaction : allergy.getReaction()) {
      if (reaction.hasSubstance()) {
        fromReactions.addAll(CodeableConcepts.quietly(scope.terminology(), reaction.getSubstance()).concepts());
      }
    }
    // a substance named only by codes Eligo does not know (or by nothing, with no known reaction substance) may be
    // what a criterion asks about: unidentified, it leaves allergy criteria open
    CodeableConcepts.Meaning meaning = fromReactions.isEmpty()
        ? CodeableConcepts.readIdentity(scope, "code", allergy.getCode())
        : CodeableConcepts.read(scope, "code", allergy.getCode());
    org.eligo.terminology.text.Assertion assertion = org.eligo.core.patient.Unidentified.marks(meaning.concepts())
        ? org.eligo.terminology.text.Assertion.AFFIRMED : org.eligo.terminology.text.Assertion.of(meaning.text());
    if (assertion != org.eligo.terminology.text.Assertion.AFFIRMED
        && assertion != org.eligo.terminology.text.Assertion.HISTORICAL) {
      scope.skip("code", "its text denies the allergy, only suspects it or is not about the patient's own allergy");
      return;
    }
    Set<String> concepts = new LinkedHashSet<>(meaning.concepts());
    concepts.addAll(fromReactions);
    boolean anaphylaxis = false;
    for (AllergyIntoleranceReactionComponent reaction : allergy.getReaction()) {
      for (CodeableConcept m : reaction.getManifestation()) {
        anaphylaxis |= isAnaphylaxis(scope, m);
      }
    }
    facts.allergies.add(new AllergyFact(concepts, meaning.text(), anaphylaxis, scope.source()));
  }

  private static boolean isAnaphylaxis(ResourceScope scope, CodeableConcept manifestation) {
    if (CodeableConcepts.quietly(scope.terminology(), manifestation).concepts().contains(ANAPHYLAXIS)) return true;
    String text = CodeableConcepts.textOf(manifestation).toLowerCase(Locale.ROOT);
    return text.contains("anaphyla");
  }
}
