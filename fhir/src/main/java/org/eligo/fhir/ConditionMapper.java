package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import java.time.LocalDate;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ConditionFact;
import org.eligo.fhir.ChoiceDates.End;
import org.eligo.terminology.text.Assertion;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.StringType;

/**
 * Condition: code (ICD-10-CM, SNOMED CT, or text only) to concepts, clinical status, onset[x] and abatement[x], and
 * recordedDate where no onset is given.
 * Refuted and entered-in-error conditions are skipped; provisional, differential and unconfirmed ones, those whose
 * verification status Eligo cannot read (a local code, other words; a status given as text is read when it is a
 * code's name, "Refuted"), and text that only suspects the diagnosis ("rule out MDS"), are kept as not confirmed; text that denies it ("No evidence of MDS")
 * or is about a relative ("Family history of AML") names no concept ({@link Assertion}); one given only as codes
 * Eligo does not know is {@link org.eligo.core.patient.Unidentified}. An onset or abatement Period gives its start or its end
 * respectively (the earliest the disease can have begun, the latest it can have resolved). The abatement of a condition
 * whose clinical status is recurrence or relapse is not read: it dates the episode before it when the onset is after
 * it (current), else (or when it gives no date) it contradicts the status, which is then read as unknown, without the
 * onset. An abatement without a date beside no status or an active one reads the condition as resolved; words that
 * deny or do not know an end ("ongoing", "not resolved", "unknown", "N/A") give none, and words that neither give
 * nor deny one leave whether the condition is current open, without the onset.
 */
final class ConditionMapper {
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

  private ConditionMapper() {}

  static void map(Condition condition, ResourceScope scope, PatientFactsCollector facts) {
    String verification = statusCode(condition.getVerificationStatus(), VERIFICATION, VERIFICATION_CODES);
    if (UNREADABLE.equals(verification)) {
      // a local code or free text Eligo cannot read may say "refuted" or "ruled out": it must not prove the diagnosis
      scope.warn("verificationStatus", "is not a condition-ver-status code; the diagnosis is read as unconfirmed");
      verification = "unconfirmed";
    }
    if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
      scope.skip("verificationStatus", "verification status is " + verification);
      return;
    }
    CodeableConcepts.Meaning meaning = CodeableConcepts.readIdentity(scope, "code", condition.getCode());
    // "Platelet transfusion refractoriness", "Blood transfusion declined": a transfusion only by a transfusion's name
    // (DECISIONS 87, amendment)
    meaning = BloodProducts.named(scope, meaning, java.util.List.of(condition.getCode()), false);
    ClinicalStatus status = status(condition, scope);
    FhirDates.Day onsetDays = ChoiceDates.day(scope, "onset", condition.getOnset(), End.START);
    FhirDates.Day abatementDays = ChoiceDates.day(scope, "abatement", condition.getAbatement(), End.END);
    boolean contradicted = false;
    if ((abatementDays != null || abatedWithoutDate(condition))
        && (status == ClinicalStatus.RECURRENCE || status == ClinicalStatus.RELAPSE)) {
      // a recurrence or relapse is a condition back after it resolved or remitted; FHIR con-4 forbids an abatement
      // beside it. When the onset is after the abatement, the abatement dates the episode before it: current. Else
      // the record says both that it is back and that it ended (a relapse that remitted since, the status left; an
      // end given in words cannot be ordered with the onset): read as current it excluded, read as over it failed a
      // current-disease inclusion; whether it is current is open. The onset goes too: it may be the first episode's
      // or the relapse's, and with the status unknown one within the last 30 days would make the condition current
      // under a disease named without a time (DECISIONS 48, 49)
      String word = status.name().toLowerCase(java.util.Locale.ROOT);
      if (abatementDays != null && onsetDays != null && onsetDays.day().isAfter(abatementDays.last())) {
        scope.info("abatement", "dates the episode before the " + word + " the clinical status gives, which began"
            + " after it; the condition is read as current");
      } else {
        scope.info("abatement", "contradicts the clinical status " + word + " (FHIR con-4: an abated condition is"
            + " inactive, resolved or in remission); whether the condition is current, and since when, stays open");
        status = ClinicalStatus.UNKNOWN;
        onsetDays = null;
        contradicted = true;
      }
      abatementDays = null;
    }
    LocalDate onset = onsetDays == null ? null : onsetDays.day();
    LocalDate onsetLatest = onsetDays == null ? null : onsetDays.last();
    LocalDate abatement = abatementDays == null ? null : abatementDays.day();
    if ((status == ClinicalStatus.UNKNOWN || status == ClinicalStatus.ACTIVE) && abatementDays == null && !contradicted
        && condition.getAbatement() instanceof StringType words && words.getValue() != null
        && EndInWords.of(words.getValue()) == EndInWords.UNREADABLE) {
      // words that neither give an end nor deny one ("see hematology note", "2019?"): read as an end they failed a
      // current-disease inclusion, read as no end they excluded; whether the condition is current stays open
      scope.info("abatement", "is text Eligo cannot read as an end or its absence; whether the condition is current,"
          + " and since when, stays open");
      status = ClinicalStatus.UNKNOWN;
      onsetDays = null;
      onset = null;
      onsetLatest = null;
      contradicted = true;
    }
    if ((status == ClinicalStatus.UNKNOWN || status == ClinicalStatus.ACTIVE) && abatementDays == null && !contradicted
        && abatedWithoutDate(condition)) {
      // "abatementString": "resolved in childhood" says the condition is over, though not when (FHIR con-4: an abated
      // condition is inactive, resolved or in remission); read with no clinical status, or beside an active one, as
      // current, it would exclude, where the same end with a date is read as one (DECISIONS 51)
      scope.info("abatement", "says the condition abated without giving a date; read as resolved");
      status = ClinicalStatus.RESOLVED;
    }
    if (onset != null && abatementDays != null && abatementDays.last().isBefore(onset)) {
      scope.warn("abatement", "is before the onset; check the record");
    }
    java.util.Set<String> concepts = meaning.concepts();
    boolean confirmed = verification == null || !UNCONFIRMED.contains(verification);
    // an unidentified entry is named by its codes, not by words: there is no assertion to read in it
    Assertion assertion = org.eligo.core.patient.Unidentified.marks(concepts) ? Assertion.AFFIRMED
        : Assertion.of(meaning.text());
    // a code that puts the event in the past (I25.2 old myocardial infarction, I69 sequelae of a stroke, Z86.7
    // personal history) says what "History of" says in words, whatever the words (DECISIONS 68)
    if (assertion == Assertion.AFFIRMED && condition.getCode().getCoding().stream()
        .anyMatch(c -> org.eligo.terminology.PastEventCodes.namesAPastEvent(c.getSystem(), c.getCode()))) {
      assertion = Assertion.HISTORICAL;
    }
    switch (assertion) {
      case NEGATED, NOT_THE_PATIENT -> {
        if (!concepts.isEmpty()) scope.info("code", "its text denies the diagnosis or is about a relative; not counted");
        concepts = java.util.Set.of();
      }
      case UNCERTAIN -> confirmed = false;
      case ABOUT_IT -> {
        if (!concepts.isEmpty()) {
          scope.info("code", "its text is about a test, screening, exposure, risk, immunity or care for the diagnosis,"
              + " not the diagnosis itself; it settles nothing about it");
        }
        confirmed = false;
      }
      case HISTORICAL -> {
        // "History of breast cancer": the recorded onset is when the entry was made, and an active entry says the
        // history stands, not the disease
        if (onset != null || status.isActive()) {
          scope.info("code", "its text puts the diagnosis in the past without dating it: when it began and whether"
              + " it is current stay open");
        }
        onset = null;
        onsetLatest = null;
        if (status.isActive()) status = ClinicalStatus.UNKNOWN;
      }
      case AFFIRMED -> { }
    }
    if (confirmed && !concepts.isEmpty() && CodeableConcepts.namedOnlyByAbbreviation(scope.terminology(),
        condition.getCode())) {
      scope.info("code", "is named only by an abbreviation among other words (\"" + meaning.text() + "\"), which may "
          + "stand for something else there; it settles nothing");
      confirmed = false;
    }
    // the day the entry was recorded (its first possible day), which the fact keeps only without an onset: a
    // pregnancy recorded long ago, with no onset, is over (DECISIONS 62)
    FhirDates.Day recorded = condition.hasRecordedDateElement()
        ? FhirDates.parse(condition.getRecordedDateElement().getValueAsString()) : null;
    facts.conditions.add(new ConditionFact(concepts, meaning.text(), status, onset, abatement, scope.source(),
        confirmed, onsetLatest, abatementDays == null ? null : abatementDays.last(),
        recorded == null ? null : recorded.day()));
  }

  /**
   * Whether abatement[x] says the condition abated though no date can be derived from it: free text ("in childhood"),
   * an age or range without a birth date, {@code abatementBoolean} true (STU3 records).
   */
  private static boolean abatedWithoutDate(Condition condition) {
    if (!condition.hasAbatement() || condition.getAbatement().isEmpty()) return false;
    if (condition.getAbatement() instanceof BooleanType b) return b.booleanValue();
    // words that deny or do not know an end ("ongoing", "not resolved", "unknown", "N/A") give none (DECISIONS 54)
    return !(condition.getAbatement() instanceof StringType s)
        || (s.getValue() != null && EndInWords.of(s.getValue()) != EndInWords.NONE);
  }

  /** What {@code abatementString} says: an end ("resolved in childhood"), none ("ongoing", "unknown"), or neither. */
  enum EndInWords {
    END, NONE, UNREADABLE;

    /** Words that deny an end: read before the words of an end they contain ("not resolved"). */
    private static final java.util.regex.Pattern DENIED = java.util.regex.Pattern.compile(
        "\\b(?:unresolved|not\\s+(?:yet\\s+)?(?:resolved|remitted|cured|healed|abated|recovered|over|ended)"
            + "|not\\s+in\\s+(?:\\w+\\s+)?remission|no\\s+(?:\\w+\\s+)?remission|never\\s+(?:resolved|remitted|cured)"
            + "|has\\s+not\\s+(?:resolved|remitted|abated))\\b");
    private static final java.util.regex.Pattern ENDED = java.util.regex.Pattern.compile(
        "\\b(?:resolv\\w*|remission|remitted|remit|cured|healed|abated|recovered|cleared|ended|subsided|outgrew"
            + "|outgrown|gone|disappeared|in\\s+childhood|as\\s+a\\s+child|ago|no\\s+longer|inactive)\\b");
    private static final java.util.regex.Pattern NOT_ENDED = java.util.regex.Pattern.compile(
        "\\b(?:unknown|unk|n/?a|not\\s+applicable|not\\s+known|none|no|null|nil|ongoing|on\\s*-?\\s*going|active"
            + "|current|currently|present|persist\\w*|continu\\w*|chronic|still|pending|tbd|undetermined"
            + "|not\\s+recorded|not\\s+documented)\\b");

    static EndInWords of(String text) {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.isEmpty() || t.matches("[\\p{Punct}\\s]+")) return NONE;
      if (DENIED.matcher(t).find()) return NONE;
      if (ENDED.matcher(t).find()) return END;
      if (NOT_ENDED.matcher(t).find()) return NONE;
      return UNREADABLE;
    }
  }

  /** Verification statuses of a diagnosis not yet established: it leaves criteria open, never proves them. */
  static final java.util.Set<String> UNCONFIRMED = java.util.Set.of("provisional", "differential", "unconfirmed");

  private static ClinicalStatus status(Condition condition, ResourceScope scope) {
    if (!condition.hasClinicalStatus()) {
      scope.info("clinicalStatus", "is missing; whether the condition is current stays unknown");
      return ClinicalStatus.UNKNOWN;
    }
    String code = statusCode(condition.getClinicalStatus(), CLINICAL, CLINICAL_CODES);
    ClinicalStatus status = code == null ? null : switch (code) {
      case "active" -> ClinicalStatus.ACTIVE;
      case "recurrence" -> ClinicalStatus.RECURRENCE;
      case "relapse" -> ClinicalStatus.RELAPSE;
      case "inactive" -> ClinicalStatus.INACTIVE;
      case "remission" -> ClinicalStatus.REMISSION;
      case "resolved" -> ClinicalStatus.RESOLVED;
      default -> null;
    };
    if (status == null) {
      scope.warn("clinicalStatus", "is not a condition-clinical code; whether the condition is current stays unknown");
      return ClinicalStatus.UNKNOWN;
    }
    return status;
  }

  /** The codes of condition-ver-status and condition-clinical. */
  static final java.util.Set<String> VERIFICATION_CODES = java.util.Set.of("unconfirmed", "provisional",
      "differential", "confirmed", "refuted", "entered-in-error");
  static final java.util.Set<String> CLINICAL_CODES = java.util.Set.of("active", "recurrence", "relapse", "inactive",
      "remission", "resolved");

  /** What {@link #statusCode} gives for a status that is there but names none of the codes. */
  static final String UNREADABLE = "";

  /**
   * A status element's code: the code of its coding in {@code system} (or without a system) when it is one of
   * {@code codes}; else a text or display that is exactly one of them ("Refuted", "Entered in error"); null when the
   * element is absent; {@link #UNREADABLE} when it is there but says none of them (a local code, other words).
   */
  static String statusCode(CodeableConcept concept, String system, java.util.Set<String> codes) {
    if (concept == null || concept.isEmpty()) return null;
    String coded = code(concept, system);
    if (coded != null && codes.contains(coded)) return coded;
    java.util.List<String> words = new java.util.ArrayList<>();
    if (concept.hasText()) words.add(concept.getText());
    for (Coding c : concept.getCoding()) if (c.hasDisplay()) words.add(c.getDisplay());
    for (String w : words) {
      String asCode = w.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
      if (codes.contains(asCode)) return asCode;
    }
    return UNREADABLE;
  }

  /** The code of the coding in {@code system} (or of a coding without system), or null. */
  static String code(CodeableConcept concept, String system) {
    if (concept == null) return null;
    for (Coding c : concept.getCoding()) {
      if (c.hasCode() && (!c.hasSystem() || system.equals(c.getSystem()))) return c.getCode().strip();
    }
    return null;
  }
}
