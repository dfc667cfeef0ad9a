package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A laboratory result read as what it shows about an infection: "HBsAg: Positive" shows hepatitis B on its date,
 * "Anti-HCV: Reactive" a hepatitis C infection at some time, "HCV RNA: Not detected" no hepatitis C on its date.
 *
 * @param infection the concept id of the infection the test is for, e.g. {@code hepatitis-b}
 * @param concepts  that concept and every class that includes it (e.g. {@code infection}), for look-ups
 * @param text      the test and its result as people read them, e.g. "HBsAg: Positive"
 * @param date      the day of the result; its first possible day when the record gives only a year or month
 * @param dateLatest its last possible day ("2025-12": 2025-12-31), else {@code date} ({@link DayRange})
 * @param antibody  whether the test looks for antibodies (anti-HCV, HIV antigen/antibody): they appear weeks after the
 *     virus, and an immunosuppressed patient may never make them, so a negative one rules out an infection no result
 *     has shown, never one a test for the virus showed before it
 * @param test      the test's key in the terminology ({@code hbv-dna}, {@code hbsag} ...), or null when not known
 * @param load      for a viral-load test, what the result says of the virus in the sample; else null
 * @param finding   what the result shows about the infection, or null when it shows nothing (an undetectable HBV DNA
 *     or HIV-1 RNA, as under treatment; a load below a bound, "&lt;20 IU/mL"): such a result is kept only for its
 *     {@code load}
 */
public record InfectionResult(String infection, Set<String> concepts, Finding finding, String text, LocalDate date,
                              SourceRef source, LocalDate dateLatest, boolean antibody, String test, ViralLoad load) {
  /** What one result shows about the infection on its date. */
  public enum Finding {
    /** The infection is present (HBsAg positive, HCV RNA or HIV-1 RNA detected). */
    INFECTED,
    /**
     * The infection may be present or have been, unconfirmed (a positive HCV antibody; a reactive HIV screen, false
     * now and then until a confirmatory test or HIV-1 RNA shows it).
     */
    EXPOSED,
    /** There is no current infection (HBsAg negative, HCV RNA not detected, HIV antigen/antibody non-reactive). */
    NOT_INFECTED
  }

  public InfectionResult {
    Objects.requireNonNull(infection, "infection");
    if (finding == null && load == null) throw new IllegalArgumentException("a result shows a finding or a load");
    Objects.requireNonNull(date, "date");
    concepts = Set.copyOf(concepts);
    if (!concepts.contains(infection)) throw new IllegalArgumentException("concepts must include " + infection);
    dateLatest = DayRange.latest(date, dateLatest);
  }

  /** Whether the record gives only a year or month of the day ({@link DayRange#imprecise}). */
  public boolean imprecise() {
    return !date.equals(dateLatest);
  }

  /** A result read only for the infection it shows, its test not named. */
  public InfectionResult(String infection, Set<String> concepts, Finding finding, String text, LocalDate date,
                         SourceRef source, LocalDate dateLatest, boolean antibody) {
    this(infection, concepts, java.util.Objects.requireNonNull(finding, "finding"), text, date, source, dateLatest,
        antibody, null, null);
  }

  /** The result of a test that is not for antibodies. */
  public InfectionResult(String infection, Set<String> concepts, Finding finding, String text, LocalDate date,
                         SourceRef source, LocalDate dateLatest) {
    this(infection, concepts, finding, text, date, source, dateLatest, false);
  }

  /** One with an exact day. */
  public InfectionResult(String infection, Set<String> concepts, Finding finding, String text, LocalDate date,
                         SourceRef source) {
    this(infection, concepts, finding, text, date, source, date);
  }
}
