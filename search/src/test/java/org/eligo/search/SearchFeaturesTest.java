package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.eligo.core.trial.RecruitmentStatus.COMPLETED;
import static org.eligo.core.trial.RecruitmentStatus.RECRUITING;
import static org.eligo.search.LuceneTrialIndexTest.ids;
import static org.eligo.search.kit.TrialBuilder.trial;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.Trial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchFeaturesTest {

  static final GeoPoint BEIJING_A = new GeoPoint(39.91, 116.42);
  static final GeoPoint BEIJING_B = new GeoPoint(39.99, 116.30);
  static final GeoPoint TIANJIN = new GeoPoint(39.13, 117.20);
  static final GeoPoint SHANGHAI = new GeoPoint(31.23, 121.47);

  LuceneTrialIndex index;

  @BeforeEach
  void open() {
    index = LuceneTrialIndex.inMemory();
    index.index(List.of(
        trial("NCT00000001").title("Sirolimus in aplastic anemia").condition("Aplastic Anemia").drug("Sirolimus")
            .summary("Sirolimus <maintenance> after immunosuppressive therapy & cyclosporine.")
            .site("Shanghai Site", "Shanghai", "China", RECRUITING, SHANGHAI.lat(), SHANGHAI.lon())
            .site("Beijing Site A", "Beijing", "China", COMPLETED, BEIJING_A.lat(), BEIJING_A.lon())
            .site("Beijing Site B", "beijing", "China", RECRUITING, BEIJING_B.lat(), BEIJING_B.lon())
            .lastUpdate("2024-05-01").statusVerified("2020-06").start("2019-03").ages("18 Years", "80 Years").build(),
        trial("NCT00000002").title("Danazol in ITP").condition("ITP").drug("Danazol")
            .site("Tianjin Site", "Tianjin", "China", RECRUITING, TIANJIN.lat(), TIANJIN.lon())
            .lastUpdate("2025-01-10").statusVerified("2022-03").start("2021-06-15").ages("29 Days", "14 Years").build(),
        trial("NCT00000003").title("Eltrombopag in aplastic anemia").condition("Aplastic Anemia").drug("Eltrombopag")
            .site("Shanghai Site", "Shanghai", "China", RECRUITING, SHANGHAI.lat(), SHANGHAI.lon())
            .start("2023-01-01").build(),
        trial("NCT00000004").title("Registry without places").condition("PNH")
            .site("Somewhere", "Nowhere", "Italy", RECRUITING, null, null).build()));
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void distanceFilterKeepsTrialsWithASiteInRange() {
    assertThat(ids(index.search(geo(GeoFilter.near(BEIJING_A.lat(), BEIJING_A.lon(), 50)))))
        .containsExactly("NCT00000001");
    assertThat(ids(index.search(geo(GeoFilter.near(BEIJING_A.lat(), BEIJING_A.lon(), 150)))))
        .containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
  }

  @Test
  void distanceSortPutsNearestSiteFirst() {
    TrialQuery query = TrialQuery.builder().geo(GeoFilter.near(TIANJIN.lat(), TIANJIN.lon(), 5000))
        .sort(SortOrder.DISTANCE).build();
    assertThat(ids(index.search(query))).containsExactly("NCT00000002", "NCT00000001", "NCT00000003");
  }

  @Test
  void distanceSortGoesByTheNearestRecruitingSiteTheResultShows() {
    index.index(List.of(trial("NCT00000008").title("Closed in Tianjin, open in Shanghai").condition("ITP")
        .site("Tianjin Closed", "Tianjin", "China", COMPLETED, TIANJIN.lat(), TIANJIN.lon())
        .site("Shanghai Open", "Shanghai", "China", RECRUITING, SHANGHAI.lat(), SHANGHAI.lon()).build()));
    TrialQuery query = TrialQuery.builder().geo(GeoFilter.near(TIANJIN.lat(), TIANJIN.lon(), 5000))
        .sort(SortOrder.DISTANCE).build();
    List<String> order = ids(index.search(query));
    assertThat(order.indexOf("NCT00000008")).as("its closed Tianjin site does not put it first")
        .isGreaterThan(order.indexOf("NCT00000001"));
  }

  @Test
  void hitShowsNearestRecruitingSiteNotTheFirstListedNorANearerClosedOne() {
    TrialHit hit = index.search(geo(GeoFilter.near(BEIJING_A.lat(), BEIJING_A.lon(), 50))).hits().getFirst();
    SiteHit site = hit.nearestRecruitingSite().orElseThrow();
    assertThat(site.facility()).isEqualTo("Beijing Site B");
    assertThat(site.distanceKm().getAsDouble()).isCloseTo(BEIJING_A.distanceKm(BEIJING_B), within(0.01));
  }

  @Test
  void withoutAPointTheFirstRecruitingSiteIsShownWithoutDistance() {
    TrialHit hit = index.search(TrialQuery.text("NCT00000001")).hits().getFirst();
    assertThat(hit.nearestRecruitingSite().orElseThrow().facility()).isEqualTo("Shanghai Site");
    assertThat(hit.nearestRecruitingSite().orElseThrow().distanceKm()).isEmpty();
  }

  @Test
  void cityNameResolvesCaseInsensitivelyToTheCentroidOfItsSites() {
    SearchPage page = index.search(TrialQuery.builder().geo(GeoFilter.nearCity("BEIJING", 30)).build());
    assertThat(ids(page)).containsExactly("NCT00000001");
    GeoPoint centroid = new GeoPoint((BEIJING_A.lat() + BEIJING_B.lat()) / 2, (BEIJING_A.lon() + BEIJING_B.lon()) / 2);
    double distance = page.hits().getFirst().nearestRecruitingSite().orElseThrow().distanceKm().getAsDouble();
    assertThat(distance).isCloseTo(centroid.distanceKm(BEIJING_B), within(0.05));
  }

  @Test
  void aSiteWithoutCoordinatesIsPlacedByItsCity() {
    index.index(List.of(trial("NCT00000009").title("Tianjin only, no coordinates").condition("ITP")
        .site("Tianjin Clinic", "Tianjin", "China", RECRUITING, null, null).build()));
    SearchPage near = index.search(geo(GeoFilter.nearCity("Tianjin", 10)));
    assertThat(ids(near)).contains("NCT00000009", "NCT00000002");
    TrialHit placed = near.hits().stream().filter(h -> h.nctId().equals("NCT00000009")).findFirst().orElseThrow();
    assertThat(placed.nearestRecruitingSite().orElseThrow().distanceKm()).isPresent();
    assertThat(ids(index.search(geo(GeoFilter.near(BEIJING_A.lat(), BEIJING_A.lon(), 20)))))
        .doesNotContain("NCT00000009");
  }

  @Test
  void unknownCityMatchesNothing() {
    assertThat(index.search(TrialQuery.builder().geo(GeoFilter.parse("distance(Atlantis,100km)")).build()).total())
        .isZero();
  }

  @Test
  void aCityWhereNoSiteHasCoordinatesStillFindsItsTrials() {
    assertThat(index.knowsPlace("Nowhere")).isTrue();
    assertThat(index.knowsPlace("Atlantis")).isFalse();
    SearchPage page = index.search(TrialQuery.builder().geo(GeoFilter.parse("distance(Nowhere,50km)")).build());
    assertThat(ids(page)).containsExactly("NCT00000004");
    assertThat(page.hits().getFirst().nearestRecruitingSite().orElseThrow().distanceKm()).isEmpty();
  }

  @Test
  void aSexFilterFindsTrialsForThatSexForAllAndThoseThatDoNotSay() {
    LuceneTrialIndex sexes = LuceneTrialIndex.inMemory();
    try {
      sexes.index(List.of(trial("NCT00000011").sex(org.eligo.core.trial.Eligibility.Sex.MALE).build(),
          trial("NCT00000012").sex(org.eligo.core.trial.Eligibility.Sex.FEMALE).build(),
          trial("NCT00000013").sex(org.eligo.core.trial.Eligibility.Sex.ALL).build(),
          trial("NCT00000014").build()));
      java.util.function.Function<org.eligo.core.trial.Eligibility.Sex, List<String>> open = sex -> ids(sexes.search(
          TrialQuery.builder().filters(TrialFilters.NONE.withSexes(java.util.Set.of(sex))).build()));
      assertThat(open.apply(org.eligo.core.trial.Eligibility.Sex.FEMALE))
          .containsExactlyInAnyOrder("NCT00000012", "NCT00000013", "NCT00000014");
      assertThat(open.apply(org.eligo.core.trial.Eligibility.Sex.MALE))
          .containsExactlyInAnyOrder("NCT00000011", "NCT00000013", "NCT00000014");
      assertThat(open.apply(org.eligo.core.trial.Eligibility.Sex.ALL)).containsExactly("NCT00000013");
    } finally {
      sexes.close();
    }
  }

  @Test
  void aPageTokenOnlyContinuesTheSearchItCameFrom() {
    TrialQuery first = TrialQuery.builder().text("aplastic anemia").pageSize(1).build();
    String token = index.search(first).nextPageToken().orElseThrow();
    assertThat(index.search(TrialQuery.builder().text("aplastic anemia").pageSize(1).pageToken(token).build()).hits())
        .isNotEmpty();
    assertThatThrownBy(() -> index.search(TrialQuery.builder().text("danazol").pageSize(1).pageToken(token).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another search");
  }

  @Test
  void aSearchTooLongForOneQueryIsRefusedWithAReason() {
    String words = String.join(" ", java.util.Collections.nCopies(2000, "anemia")) + " "
        + java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "word" + i).collect(java.util.stream.Collectors.joining(" "));
    assertThatThrownBy(() -> index.search(TrialQuery.builder().text(words).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too many words");
  }

  @Test
  void placesAreLocatedFromTheRegistrysOwnSites() {
    assertThat(index.locate("beijing")).isPresent();
    assertThat(index.locate("Atlantis")).isEmpty();
  }

  @Test
  void geoFiltersThatCannotMeanAPlaceAreRefusedWithTheReason() {
    assertThatThrownBy(() -> GeoFilter.parse("distance(39.9,116.4)")).hasMessageContaining("two numbers");
    assertThatThrownBy(() -> GeoFilter.parse("distance(95,116.4,50km)")).hasMessageContaining("latitude");
    assertThatThrownBy(() -> GeoFilter.parse("distance(Beijing,0km)")).hasMessageContaining("more than 0");
    assertThat(GeoFilter.parse("distance(Beijing, 30mi)").radiusKm()).isCloseTo(48.28, within(0.01));
    // the city and its country, as the command line and the web page take it; coordinates stay coordinates
    GeoFilter withCountry = GeoFilter.parse("distance(Beijing, China, 30mi)");
    assertThat(withCountry.place()).isEqualTo(new GeoFilter.City("Beijing, China"));
    assertThat(withCountry.radiusKm()).isCloseTo(48.28, within(0.01));
    assertThat(GeoFilter.parse("distance(Washington, D.C., United States,50km)").place())
        .isEqualTo(new GeoFilter.City("Washington, D.C., United States"));
    assertThatThrownBy(() -> GeoFilter.parse("distance(39.9,abc,50km)")).hasMessageContaining("not numbers");
    assertThatThrownBy(() -> GeoFilter.parse("distance(Beijing, China)")).hasMessageContaining("not a distance");
  }

  @Test
  void anIdentifierGivenAsQueryTermFindsItsTrialFirst() {
    assertThat(ids(index.search(TrialQuery.builder().term("NCT00000003").build()))).first().isEqualTo("NCT00000003");
    assertThat(ids(index.search(TrialQuery.builder().term("nct00000002").build()))).first().isEqualTo("NCT00000002");
  }

  @Test
  void andOrNotInCapitalsAreOperatorsInFreeText() {
    assertThat(ids(index.search(TrialQuery.builder().text("sirolimus AND eltrombopag").build()))).isEmpty();
    assertThat(ids(index.search(TrialQuery.builder().text("sirolimus OR eltrombopag").build())))
        .containsExactlyInAnyOrder("NCT00000001", "NCT00000003");
    assertThat(ids(index.search(TrialQuery.builder().text("aplastic anemia NOT eltrombopag").build())))
        .contains("NCT00000001").doesNotContain("NCT00000003");
    assertThat(ids(index.search(TrialQuery.builder().text("rapamycin AND aplastic").build())))
        .as("synonyms still apply").containsExactly("NCT00000001");
  }

  @Test
  void searchingForExactlyAnIdentifierFindsThatTrialAlone() {
    assertThat(ids(index.search(TrialQuery.builder().text("NCT00000001").build()))).containsExactly("NCT00000001");
    assertThat(ids(index.search(TrialQuery.builder().term("NCT00000003").build()))).containsExactly("NCT00000003");
    assertThat(ids(index.search(TrialQuery.builder().text("NCT00000001 danazol").build())))
        .as("an ID among other words: the ID's trial first, the words still search").hasSizeGreaterThan(1)
        .first().isEqualTo("NCT00000001");
  }

  @Test
  void lastUpdateSortPutsNewestFirstAndUndatedLast() {
    TrialQuery query = TrialQuery.builder().sort(SortOrder.LAST_UPDATE).build();
    assertThat(ids(index.search(query))).containsExactly("NCT00000002", "NCT00000001", "NCT00000003", "NCT00000004");
  }

  @Test
  void statusVerifiedMoreThanTwoYearsBeforeAsOfIsFlaggedStale() {
    TrialQuery query = TrialQuery.builder().text("NCT00000001 NCT00000002 NCT00000003")
        .asOf(LocalDate.of(2024, 1, 1)).build();
    var hits = index.search(query).hits();
    assertThat(hits).filteredOn(TrialHit::staleStatus).extracting(TrialHit::nctId).containsExactly("NCT00000001");
    assertThat(hits).filteredOn(h -> h.nctId().equals("NCT00000003")).first()
        .satisfies(h -> assertThat(h.statusVerified()).isNull());
  }

  @Test
  void ageFilterAdmitsPeopleWithinTheRegistryLimitsMissingBoundsOpen() {
    assertThat(ids(index.search(age(Period.ofYears(18))))).containsExactlyInAnyOrder("NCT00000001", "NCT00000003",
        "NCT00000004");
    assertThat(ids(index.search(age(Period.of(80, 11, 0))))).contains("NCT00000001");
    assertThat(ids(index.search(age(Period.ofYears(81))))).doesNotContain("NCT00000001");
    assertThat(ids(index.search(age(Period.ofDays(29))))).contains("NCT00000002").doesNotContain("NCT00000001");
    assertThat(ids(index.search(age(Period.ofDays(28))))).doesNotContain("NCT00000002");
    assertThat(ids(index.search(age(Period.ofYears(15))))).doesNotContain("NCT00000002");
  }

  @Test
  void startDateRangeIsInclusiveAndUsesTheFirstDayOfAMonth() {
    TrialFilters filters = TrialFilters.NONE.withStartBetween(LocalDate.of(2019, 3, 1), LocalDate.of(2021, 6, 15));
    assertThat(ids(index.search(TrialQuery.builder().filters(filters).build())))
        .containsExactlyInAnyOrder("NCT00000001", "NCT00000002");
  }

  @Test
  void snippetsMarkMatchesAndEscapeHtml() {
    TrialHit hit = index.search(TrialQuery.text("rapamycin maintenance")).hits().getFirst();
    assertThat(hit.snippets()).extracting(TrialHit.Snippet::field).contains("title", "summary");
    assertThat(hit.snippets()).filteredOn(s -> s.field().equals("summary")).first()
        .extracting(TrialHit.Snippet::html).asString()
        .contains("<b>Sirolimus</b>", "&lt;<b>maintenance</b>&gt;", "&amp;");
  }

  @Test
  void conditionAndInterventionPartsMustBothMatch() {
    TrialQuery query = TrialQuery.builder().condition("aplastic anaemia").intervention("rapamycin").build();
    assertThat(ids(index.search(query))).containsExactly("NCT00000001");
  }

  @Test
  void termUsesQuerySyntaxAndRejectsBrokenSyntaxWithAClearMessage() {
    assertThat(ids(index.search(TrialQuery.builder().term("aplastic AND NOT eltrombopag").build())))
        .containsExactly("NCT00000001");
    assertThatThrownBy(() -> index.search(TrialQuery.builder().term("sirolimus AND (").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query.term");
  }

  @Test
  void locationTextSearchesSiteWords() {
    assertThat(ids(index.search(TrialQuery.builder().locationText("tianjin china").build())))
        .containsExactly("NCT00000002");
  }

  @Test
  void pagingWithTokensVisitsEveryTrialOnceInTheSameOrderAsOneBigPage() {
    List<Trial> many = IntStream.range(100, 137).mapToObj(i -> trial("NCT00000" + i)
        .title(i % 3 == 0 ? "sirolimus sirolimus trial" : "sirolimus trial").lastUpdate("2024-01-" + (10 + i % 15))
        .build()).toList();
    index.index(many);
    for (SortOrder sort : List.of(SortOrder.RELEVANCE, SortOrder.LAST_UPDATE)) {
      TrialQuery first = TrialQuery.builder().text("sirolimus").sort(sort).pageSize(4).build();
      List<String> whole = ids(index.search(TrialQuery.builder().text("sirolimus").sort(sort).pageSize(100).build()));
      List<String> paged = new ArrayList<>();
      SearchPage page = index.search(first);
      paged.addAll(ids(page));
      while (page.nextPageToken().isPresent()) {
        page = index.search(first.page(page.nextPageToken().get()));
        assertThat(page.total()).isEqualTo(whole.size());
        paged.addAll(ids(page));
      }
      assertThat(paged).as("sort %s", sort).hasSize(38).doesNotHaveDuplicates().containsExactlyElementsOf(whole);
    }
  }

  @Test
  void pageTokenOfAnotherSortOrGarbageIsRejected() {
    String token = index.search(TrialQuery.builder().pageSize(1).build()).nextPageToken().orElseThrow();
    assertThatThrownBy(() -> index.search(TrialQuery.builder().sort(SortOrder.LAST_UPDATE).pageToken(token).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sort");
    assertThatThrownBy(() -> index.search(TrialQuery.builder().pageToken("%%%").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page token");
  }

  @Test
  void filtersOnFacetValues() {
    TrialFilters filters = TrialFilters.NONE.withConditions(Set.of("Aplastic Anemia", "PNH"))
        .withInterventions(Set.of("Sirolimus"));
    assertThat(ids(index.search(TrialQuery.builder().filters(filters).build()))).containsExactly("NCT00000001");
  }

  private static TrialQuery geo(GeoFilter filter) {
    return TrialQuery.builder().geo(filter).build();
  }

  private static TrialQuery age(Period age) {
    return TrialQuery.builder().filters(TrialFilters.NONE.withAgeOpenTo(age)).build();
  }
}
