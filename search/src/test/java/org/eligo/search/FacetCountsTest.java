package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.Design.Phase;
import org.eligo.core.trial.Design.StudyType;
import org.eligo.core.trial.Eligibility.Sex;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Trial;
import org.eligo.search.kit.RandomTrials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Facet counts and totals equal a brute-force count over the generated trials, under random filters. */
class FacetCountsTest {

  private static List<Trial> trials;
  private static LuceneTrialIndex index;

  @BeforeAll
  static void build() {
    trials = new RandomTrials(20261123L).generate(400);
    index = LuceneTrialIndex.inMemory();
    // Eight segments, the last uncommitted: more than one slice of segments, so the counts below also hold when a
    // query's slices are searched in parallel.
    for (int from = 0; from < 350; from += 50) {
      index.index(trials.subList(from, from + 50));
      index.commit("batch " + from);
    }
    index.index(trials.subList(350, 400));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
  void facetCountsMatchBruteForce(int seed) {
    TrialFilters filters = seed == 0 ? TrialFilters.NONE : randomFilters(new Random(seed));
    assertCountsMatchBruteForce(index, trials, filters);
  }

  @org.junit.jupiter.api.Test
  void largeResultsCountedInSeveralSlicesOfSegmentsMatchBruteForceToo() {
    // several segments, counted in slices in parallel, each with its own ordinals mapped to the index's
    List<Trial> many = new RandomTrials(20261205L).generate(12_000);
    try (LuceneTrialIndex large = LuceneTrialIndex.inMemory()) {
      for (int from = 0; from < many.size(); from += 3_000) large.index(many.subList(from, from + 3_000));
      assertCountsMatchBruteForce(large, many, TrialFilters.NONE);
      assertCountsMatchBruteForce(large, many, TrialFilters.NONE.withSexes(Set.of(Sex.FEMALE)));
    }
  }

  @org.junit.jupiter.api.Test
  void aFacetLimitKeepsTheValuesWithMostTrialsTiesInLabelOrder() {
    SearchPage page = index.search(TrialQuery.builder().facetLimit(3).pageSize(1).build());
    for (FacetDimension dimension : FacetDimension.values()) {
      Map<String, Long> all = count(trials, values(dimension));
      List<String> expected = all.entrySet().stream()
          .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(java.util.Map.Entry.comparingByKey()))
          .limit(3).map(e -> e.getKey() + "=" + e.getValue()).toList();
      assertThat(page.facet(dimension)).extracting(c -> c.value() + "=" + c.count()).as("%s", dimension)
          .containsExactlyElementsOf(expected);
    }
  }

  private static void assertCountsMatchBruteForce(LuceneTrialIndex index, List<Trial> trials, TrialFilters filters) {
    SearchPage page = index.search(TrialQuery.builder().filters(filters).facetLimit(1000).pageSize(5).build());

    List<Trial> matching = trials.stream().filter(t -> matches(t, filters)).toList();
    assertThat(page.total()).as("total for %s", filters).isEqualTo(matching.size());
    for (FacetDimension dimension : FacetDimension.values()) {
      Map<String, Long> expected = count(matching, values(dimension));
      Map<String, Long> actual = new TreeMap<>();
      page.facet(dimension).forEach(c -> actual.put(c.value(), c.count()));
      assertThat(actual).as("%s for %s", dimension, filters).isEqualTo(expected);
    }
  }

  private static TrialFilters randomFilters(Random random) {
    TrialFilters f = TrialFilters.NONE;
    if (random.nextBoolean()) f = f.withOverallStatus(subset(random, List.of(RecruitmentStatus.values())));
    if (random.nextInt(5) == 0) f = f.withPhases(subset(random, List.of(Phase.values())));
    if (random.nextInt(5) == 0) f = f.withStudyTypes(subset(random, List.of(StudyType.values())));
    if (random.nextBoolean()) f = f.withConditions(subset(random, RandomTrials.CONDITIONS));
    if (random.nextInt(5) == 0) f = f.withInterventions(subset(random, RandomTrials.DRUGS));
    if (random.nextInt(5) == 0) f = f.withSponsorClasses(subset(random, List.of(AgencyClass.values())));
    if (random.nextInt(5) == 0) f = f.withCountries(subset(random, List.of("China", "Italy", "Japan", "United States")));
    if (random.nextInt(5) == 0) f = f.withSexes(subset(random, List.of(Sex.values())));
    if (random.nextInt(5) == 0) f = f.withHealthyVolunteers(random.nextBoolean());
    if (random.nextInt(5) == 0) f = f.withAgeOpenTo(Period.of(random.nextInt(90), random.nextInt(12), 0));
    if (random.nextInt(5) == 0) {
      LocalDate from = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(4000));
      f = f.withStartBetween(from, from.plusDays(random.nextInt(3000)));
    }
    return f;
  }

  private static <T> Set<T> subset(Random random, List<T> values) {
    Set<T> chosen = new HashSet<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) chosen.add(values.get(random.nextInt(values.size())));
    return chosen;
  }

  // ---- brute force, written from the TrialFilters contract ----

  private static boolean matches(Trial t, TrialFilters f) {
    return anyOf(f.overallStatus(), optional(t.status() == null ? null : t.status().overallStatus()))
        && anyOf(f.phases(), t.design().phases())
        && anyOf(f.studyTypes(), t.design().studyType() == null ? List.of() : List.of(t.design().studyType()))
        && anyOf(f.conditions(), t.conditions().conditions())
        && anyOf(f.interventions(), t.armsInterventions().interventions().stream().map(i -> i.name()).toList())
        && anyOf(f.sponsorClasses(), optional(t.sponsors().leadSponsor().agencyClass()))
        && anyOf(f.countries(), t.contactsLocations().locations().stream().map(l -> l.country()).toList())
        && admitsSex(t, f.sexes())
        && (f.healthyVolunteers() == null || f.healthyVolunteers().equals(t.eligibility().healthyVolunteers()))
        && admitsAge(t, f.ageOpenTo())
        && startsWithin(t, f.startFrom(), f.startTo());
  }

  /** A person's sex is admitted by the same sex, by ALL, and by a trial that does not say; ALL asks for ALL. */
  private static boolean admitsSex(Trial t, Set<org.eligo.core.trial.Eligibility.Sex> wanted) {
    if (wanted.isEmpty()) return true;
    org.eligo.core.trial.Eligibility.Sex sex = t.eligibility().sex();
    if (sex != null && wanted.contains(sex)) return true;
    boolean aPerson = wanted.stream().anyMatch(w -> w != org.eligo.core.trial.Eligibility.Sex.ALL);
    return aPerson && (sex == null || sex == org.eligo.core.trial.Eligibility.Sex.ALL);
  }

  private static boolean admitsAge(Trial t, Period age) {
    if (age == null) return true;
    double days = age.getYears() * 365.25 + age.getMonths() * 30.4375 + age.getDays();
    RegistryAge min = t.eligibility().minimum();
    RegistryAge max = t.eligibility().maximum();
    boolean oldEnough = min == null || Math.floor(days) >= Math.floor(min.approximateDays());
    // the maximum admits the whole last unit: "14 Years" admits anyone younger than 15 years
    boolean youngEnough = max == null
        || Math.floor(days) < Math.floor(new RegistryAge(max.amount() + 1, max.unit()).approximateDays());
    return oldEnough && youngEnough;
  }

  private static boolean startsWithin(Trial t, LocalDate from, LocalDate to) {
    if (from == null && to == null) return true;
    if (t.status().startDateStruct() == null) return false;
    LocalDate start = t.status().startDateStruct().date().firstDay();
    return (from == null || !start.isBefore(from)) && (to == null || !start.isAfter(to));
  }

  private static <T> List<T> optional(T value) {
    return value == null ? List.of() : List.of(value);
  }

  private static <T> boolean anyOf(Set<T> wanted, Collection<T> has) {
    return wanted.isEmpty() || has.stream().anyMatch(wanted::contains);
  }

  private static Function<Trial, Collection<String>> values(FacetDimension dimension) {
    return t -> switch (dimension) {
      case OVERALL_STATUS -> optional(t.status() == null ? null : t.status().overallStatus()).stream().map(Enum::name)
          .toList();
      case PHASE -> t.design().phases().stream().map(Enum::name).toList();
      case STUDY_TYPE -> t.design().studyType() == null ? List.of() : List.of(t.design().studyType().name());
      case CONDITION -> t.conditions().conditions();
      case INTERVENTION -> t.armsInterventions().interventions().stream().map(i -> i.name()).toList();
      case SPONSOR_CLASS -> optional(t.sponsors().leadSponsor().agencyClass()).stream().map(Enum::name).toList();
      case COUNTRY -> t.contactsLocations().locations().stream().map(l -> l.country()).toList();
      case SEX -> optional(t.eligibility().sex()).stream().map(Enum::name).toList();
      case HEALTHY_VOLUNTEERS -> optional(t.eligibility().healthyVolunteers()).stream().map(String::valueOf).toList();
    };
  }

  private static Map<String, Long> count(List<Trial> trials, Function<Trial, Collection<String>> values) {
    Map<String, Long> counts = new TreeMap<>();
    for (Trial t : trials) {
      for (String value : new LinkedHashSet<>(values.apply(t))) counts.merge(value, 1L, Long::sum);
    }
    return counts;
  }

}
