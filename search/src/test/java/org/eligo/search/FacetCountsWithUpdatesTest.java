package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Facet counts in large segments with updated and deleted trials equal brute force. */
class FacetCountsWithUpdatesTest {

  private static List<Trial> live;
  private static LuceneTrialIndex index;

  @BeforeAll
  static void build() {
    List<Trial> original = new RandomTrials(1L).generate(20_000);
    List<Trial> changed = new RandomTrials(2L).generate(20_000); // same NCT IDs, other values
    index = LuceneTrialIndex.inMemory();
    index.index(original);
    index.commit("v1");
    index.search(TrialQuery.builder().facetLimit(5).pageSize(1).build()); // tables built for the first segment(s)
    index.index(changed.subList(0, 6_000)); // updates: 6,000 deletes in the large segment, a new large segment
    for (int i = 6_000; i < 9_000; i++) index.delete(original.get(i).nctId());
    index.delete(changed.get(10).nctId()); // a delete in the new segment too
    Map<String, Trial> byId = new LinkedHashMap<>();
    for (Trial t : original) byId.put(t.nctId(), t);
    for (Trial t : changed.subList(0, 6_000)) byId.put(t.nctId(), t);
    for (int i = 6_000; i < 9_000; i++) byId.remove(original.get(i).nctId());
    byId.remove(changed.get(10).nctId());
    live = new ArrayList<>(byId.values());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
      26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39})
  void facetCountsWithDeletesMatchBruteForce(int seed) {
    TrialFilters filters = seed == 0 ? TrialFilters.NONE : randomFilters(new Random(seed));
    assertCountsMatchBruteForce(index, live, filters);
  }

  @Test
  void singleFilters() {
    assertCountsMatchBruteForce(index, live, TrialFilters.NONE.withOverallStatus(Set.of(RecruitmentStatus.RECRUITING,
        RecruitmentStatus.COMPLETED, RecruitmentStatus.WITHDRAWN)));
    assertCountsMatchBruteForce(index, live, TrialFilters.NONE.withConditions(Set.copyOf(RandomTrials.CONDITIONS)));
    assertCountsMatchBruteForce(index, live, TrialFilters.NONE.withSexes(Set.of(Sex.FEMALE)));
    assertCountsMatchBruteForce(index, live, TrialFilters.NONE.withCountries(Set.of("Japan")));
  }

  @Test
  void concurrentSearchesAgree() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int seed = i;
        all.add(pool.submit(() -> {
          assertCountsMatchBruteForce(index, live, seed % 8 == 0 ? TrialFilters.NONE : randomFilters(new Random(seed)));
          return null;
        }));
      }
      for (Future<?> f : all) f.get();
    } finally {
      pool.shutdownNow();
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
