package org.eligo.search;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.Design.Phase;
import org.eligo.core.trial.Design.StudyType;
import org.eligo.core.trial.Eligibility.Sex;
import org.eligo.core.trial.RecruitmentStatus;

/**
 * Structured restrictions of a search. Values within one set are alternatives (status RECRUITING or
 * NOT_YET_RECRUITING); different filters must all hold. An empty set or a null value does not restrict.
 *
 * @param overallStatus API v2 {@code filter.overallStatus}
 * @param phases study phases (a trial with several phases matches if any is chosen)
 * @param studyTypes interventional, observational, expanded access
 * @param conditions conditions exactly as a facet lists them
 * @param interventions intervention names exactly as a facet lists them
 * @param sponsorClasses the lead sponsor's agency class
 * @param countries site countries as the registry writes them ("China")
 * @param sexes trials open to a person of these sexes: FEMALE finds trials for women, for ALL, and those that do not
 *     say; ALL alone finds the trials open to all
 * @param healthyVolunteers whether the trial takes healthy volunteers; null for either
 * @param ageOpenTo the age of a person the trial must admit (missing registry bounds are open); null for any
 * @param startFrom earliest study start date, inclusive; null for open
 * @param startTo latest study start date, inclusive; null for open
 */
public record TrialFilters(
    Set<RecruitmentStatus> overallStatus,
    Set<Phase> phases,
    Set<StudyType> studyTypes,
    Set<String> conditions,
    Set<String> interventions,
    Set<AgencyClass> sponsorClasses,
    Set<String> countries,
    Set<Sex> sexes,
    Boolean healthyVolunteers,
    Period ageOpenTo,
    LocalDate startFrom,
    LocalDate startTo) {

  /** No restriction at all. */
  public static final TrialFilters NONE =
      new TrialFilters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null,
          null, null);

  public TrialFilters {
    overallStatus = Set.copyOf(overallStatus);
    phases = Set.copyOf(phases);
    studyTypes = Set.copyOf(studyTypes);
    conditions = Set.copyOf(conditions);
    interventions = Set.copyOf(interventions);
    sponsorClasses = Set.copyOf(sponsorClasses);
    countries = Set.copyOf(countries);
    sexes = Set.copyOf(sexes);
    if (ageOpenTo != null && ageOpenTo.isNegative()) throw new IllegalArgumentException("negative age: " + ageOpenTo);
    if (startFrom != null && startTo != null && startFrom.isAfter(startTo)) {
      throw new IllegalArgumentException("start date range is empty: " + startFrom + " after " + startTo);
    }
  }

  public TrialFilters withOverallStatus(Set<RecruitmentStatus> value) {
    return new TrialFilters(value, phases, studyTypes, conditions, interventions, sponsorClasses, countries, sexes,
        healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withPhases(Set<Phase> value) {
    return new TrialFilters(overallStatus, value, studyTypes, conditions, interventions, sponsorClasses, countries,
        sexes, healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withStudyTypes(Set<StudyType> value) {
    return new TrialFilters(overallStatus, phases, value, conditions, interventions, sponsorClasses, countries, sexes,
        healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withConditions(Set<String> value) {
    return new TrialFilters(overallStatus, phases, studyTypes, value, interventions, sponsorClasses, countries, sexes,
        healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withInterventions(Set<String> value) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, value, sponsorClasses, countries, sexes,
        healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withSponsorClasses(Set<AgencyClass> value) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, interventions, value, countries, sexes,
        healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withCountries(Set<String> value) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, interventions, sponsorClasses, value, sexes,
        healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withSexes(Set<Sex> value) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, interventions, sponsorClasses, countries,
        value, healthyVolunteers, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withHealthyVolunteers(Boolean value) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, interventions, sponsorClasses, countries,
        sexes, value, ageOpenTo, startFrom, startTo);
  }

  public TrialFilters withAgeOpenTo(Period value) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, interventions, sponsorClasses, countries,
        sexes, healthyVolunteers, value, startFrom, startTo);
  }

  public TrialFilters withStartBetween(LocalDate from, LocalDate to) {
    return new TrialFilters(overallStatus, phases, studyTypes, conditions, interventions, sponsorClasses, countries,
        sexes, healthyVolunteers, ageOpenTo, from, to);
  }
}
