package org.eligo.terminology.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a free-text diagnosis asserts about the patient, from the words that open or close it (in the manner of
 * NegEx, Chapman et al. 2001, kept to the edges of a short problem-list entry): "No evidence of MDS" and "MDS ruled
 * out" deny it, "Suspected MDS" and "rule out MDS" only suspect it, "Family history of AML" is about somebody else, "History of
 * breast cancer" is the patient's at an unknown time in the past.
 * Words inside the entry do not count ("MDS without ring sideroblasts" is MDS).
 */
public enum Assertion {
  /** The patient has it, as far as the text says. */
  AFFIRMED,
  /** The text says the patient does not have it. */
  NEGATED,
  /** The text only suspects it. */
  UNCERTAIN,
  /** The text is about a relative, not the patient. */
  NOT_THE_PATIENT,
  /**
   * The text names the disease but is about something else: a test or screening for it, an encounter, exposure,
   * contact, risk, prevention, counselling, immunity or vaccination, a referral or evaluation ("Encounter for
   * screening for HIV", "Hepatitis B immune due to vaccination", "HIV exposure", "At risk for venous
   * thromboembolism", "Referral to bone marrow transplant service"). The entry neither proves the disease nor rules it
   * out: a reader keeps it as unconfirmed, so it leaves criteria about the disease open.
   */
  ABOUT_IT,
  /**
   * The text puts it in the patient's past without dating it ("History of breast cancer", "s/p splenectomy"): the
   * patient had it, but when, and whether it is over, the entry does not say (its recorded date is when it was
   * noted).
   */
  HISTORICAL;

  private static final List<Pattern> NOT_THE_PATIENT_OPENINGS = openings(
      "family history of", "family hx of", "fh of", "fhx of", "history in the family of");
  private static final List<Pattern> HISTORICAL_OPENINGS = openings(
      "history of", "personal history of", "past history of", "past medical history of", "hx of", "h/o",
      "status post", "s/p", "previous", "prior", "old", "remote history of");
  private static final List<Pattern> NEGATED_OPENINGS = openings(
      "no", "no evidence of", "no sign of", "no signs of", "not", "negative for", "denies", "denied", "free of",
      "absence of", "without", "ruled out", "excluded");
  private static final List<Pattern> NEGATED_ENDINGS = endings(
      "ruled out", "excluded", "was ruled out", "has been ruled out", "not confirmed", "not present", "unlikely");
  private static final List<Pattern> UNCERTAIN_OPENINGS = openings(
      "rule out", "r/o", "suspected", "suspicion of", "suspect", "possible", "possibly", "probable", "probably",
      "presumed", "presumptive", "questionable", "query", "likely", "cannot exclude", "cannot rule out",
      "evaluate for", "evaluation for", "workup for", "work-up for", "?");
  private static final List<Pattern> UNCERTAIN_ENDINGS = endings(
      "suspected", "possible", "probable", "not excluded", "cannot be excluded", "cannot be ruled out",
      "to be ruled out", "to be excluded", "?", "(?)", "query");

  /** Words anywhere in an entry that make it about the disease rather than a diagnosis of it. */
  private static final Pattern ABOUT = Pattern.compile("(?<![\\p{L}\\p{N}])(?:screening|screen(?:ed)? for|encounter for"
      + "|tests?|testing|immune due to|immune to|immunity|immuni[sz]ation|vaccinations?|vaccinated|vaccines?"
      + "|exposures?|exposed|contact with|uninfected|not infected|at risk|risks? (?:of|for)|need for|prophylaxis"
      + "|prophylactic|prevention|preventive|counsel(?:l)?ing|fear of|referral|referred|consultation|consult for"
      + "|candidate for|typing|carrier screening"
      // where the patient lives or is cared for: "nursing" there is not breastfeeding
      + "|nursing (?:home|facility|facilities|care|assessment)|skilled nursing|home nursing|lives in)"
      + "(?![\\p{L}\\p{N}])");
  /**
   * "Hepatitis B immune"; "HIV viral load undetectable" is about a patient who has HIV, but not a diagnosis of it;
   * "HIV negative" most likely denies HIV, but "AML, FLT3 negative" and "Breast cancer, triple negative" are the
   * disease itself, so a closing "negative" only leaves the diagnosis open, never denies it.
   */
  private static final List<Pattern> ABOUT_ENDINGS = endings("immune", "not detected", "undetectable", "negative",
      "neg", "result negative");
  /** "Pulmonary embolism excluded by CTA": the denial need not close the entry. */
  private static final Pattern DENIED_INSIDE = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?<!not |cannot be |can't be |could not be |not been |cannot be fully )"
          + "(?:excluded|ruled out) (?:by|on|with|after)(?![\\p{L}\\p{N}])");

  /** What {@code text} asserts; AFFIRMED for null or blank text. */
  public static Assertion of(String text) {
    if (text == null || text.isBlank()) return AFFIRMED;
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (matchesAny(NOT_THE_PATIENT_OPENINGS, t)) return NOT_THE_PATIENT;
    if (matchesAny(UNCERTAIN_OPENINGS, t) || matchesAny(UNCERTAIN_ENDINGS, t)) return UNCERTAIN;
    if (matchesAny(NEGATED_OPENINGS, t) || matchesAny(NEGATED_ENDINGS, t) || DENIED_INSIDE.matcher(t).find()) {
      return NEGATED;
    }
    if (ABOUT.matcher(t).find() || matchesAny(ABOUT_ENDINGS, t)) return ABOUT_IT;
    if (matchesAny(HISTORICAL_OPENINGS, t)) return HISTORICAL;
    return AFFIRMED;
  }

  private static boolean matchesAny(List<Pattern> patterns, String text) {
    for (Pattern p : patterns) if (p.matcher(text).find()) return true;
    return false;
  }

  /** Each cue as the entry's first words, followed by a word boundary (so "no" is not "non-Hodgkin"). */
  private static List<Pattern> openings(String... cues) {
    return List.of(cues).stream().map(c -> Pattern.compile("^" + Pattern.quote(c)
        + (Character.isLetterOrDigit(c.charAt(c.length() - 1)) ? "(?![\\p{L}\\p{N}-])" : ""))).toList();
  }

  /** Each cue as the entry's last words, after a separator ("MDS - ruled out", "MDS, suspected", "MDS?"). */
  private static List<Pattern> endings(String... cues) {
    return List.of(cues).stream().map(c -> Pattern.compile(
        (Character.isLetterOrDigit(c.charAt(0)) ? "(?<![\\p{L}\\p{N}])" : "") + Pattern.quote(c) + "[\\s.)]*$"))
        .toList();
  }
}
