package org.eligo.server.api;

import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.Design.Phase;
import org.eligo.core.trial.Design.StudyType;
import org.eligo.core.trial.Eligibility.Sex;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.search.FacetDimension;
import org.eligo.search.TrialFilters;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.ProblemType;
import org.eligo.server.http.QueryParameters;

/**
 * Builds search filters from parameter values, shared by the REST API ({@code filter.phase=PHASE2}) and the web
 * search form ({@code phase=PHASE2}); a value that names nothing is a 400 problem naming the parameter.
 */
public final class SearchFilters {
  /** Statuses under which a person may still join: the web search's default. */
  public static final Set<RecruitmentStatus> OPEN = EnumSet.of(RecruitmentStatus.RECRUITING,
      RecruitmentStatus.NOT_YET_RECRUITING, RecruitmentStatus.ENROLLING_BY_INVITATION);

  private SearchFilters() {}

  /** Adds the restriction of one facet dimension; {@code parameter} names the source in error messages. */
  public static TrialFilters with(TrialFilters filters, FacetDimension dimension, List<String> values,
                                  String parameter) {
    if (values.isEmpty()) return filters;
    return switch (dimension) {
      case OVERALL_STATUS -> filters.withOverallStatus(enums(values, RecruitmentStatus.class, parameter));
      case PHASE -> filters.withPhases(enums(values, Phase.class, parameter));
      case STUDY_TYPE -> filters.withStudyTypes(enums(values, StudyType.class, parameter));
      case CONDITION -> filters.withConditions(new LinkedHashSet<>(values));
      case INTERVENTION -> filters.withInterventions(new LinkedHashSet<>(values));
      case SPONSOR_CLASS -> filters.withSponsorClasses(enums(values, AgencyClass.class, parameter));
      case COUNTRY -> filters.withCountries(new LinkedHashSet<>(values));
      case SEX -> filters.withSexes(enums(values, Sex.class, parameter));
      case HEALTHY_VOLUNTEERS -> {
        if (values.size() != 1 || !(values.get(0).equalsIgnoreCase("true") || values.get(0).equalsIgnoreCase("false"))) {
          throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + parameter + " must be true or false.",
              java.util.Map.of("parameter", parameter));
        }
        yield filters.withHealthyVolunteers(Boolean.valueOf(values.get(0).toLowerCase(Locale.ROOT)));
      }
    };
  }

  /** Trials open to a person of this age in whole years. */
  public static TrialFilters withAge(TrialFilters filters, String age, String parameter) {
    if (age == null) return filters;
    try {
      return filters.withAgeOpenTo(org.eligo.search.PersonAge.parse(age));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + parameter + ": " + e.getMessage() + ".",
          java.util.Map.of("parameter", parameter));
    }
  }

  private static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type, String parameter) {
    Set<E> out = new LinkedHashSet<>();
    for (String v : values) out.add(QueryParameters.enumValue(parameter, v, type));
    return out;
  }

  private static final java.util.regex.Pattern START_RANGE = java.util.regex.Pattern.compile(
      "\\s*AREA\\[StartDate\\]\\s*RANGE\\[\\s*([^,\\]]+?)\\s*,\\s*([^\\]]+?)\\s*\\]\\s*",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Adds ClinicalTrials.gov's {@code filter.advanced=AREA[StartDate]RANGE[2020-01-01,MAX]}: studies that started in
   * the range, each end a date (yyyy, yyyy-MM or yyyy-MM-dd, taken as its first or last day) or MIN/MAX for open.
   * Other advanced expressions are refused with what is understood.
   */
  public static TrialFilters withAdvanced(TrialFilters filters, String expression, String parameter) {
    if (expression == null || expression.isBlank()) return filters;
    java.util.regex.Matcher m = START_RANGE.matcher(expression);
    if (!m.matches()) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + parameter + ": Eligo understands "
          + "AREA[StartDate]RANGE[from,to] (dates or MIN/MAX), not '" + expression + "'.", Map.of("parameter", parameter));
    }
    try {
      java.time.LocalDate from = m.group(1).equalsIgnoreCase("MIN") ? null
          : new org.eligo.core.trial.PartialDate(m.group(1)).firstDay();
      java.time.LocalDate to = m.group(2).equalsIgnoreCase("MAX") ? null
          : new org.eligo.core.trial.PartialDate(m.group(2)).lastDay();
      return filters.withStartBetween(from, to);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + parameter + ": " + e.getMessage() + ".",
          Map.of("parameter", parameter));
    }
  }
}
