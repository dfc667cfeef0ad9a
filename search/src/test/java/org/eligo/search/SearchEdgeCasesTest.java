package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.trial.RecruitmentStatus.RECRUITING;
import static org.eligo.search.LuceneTrialIndexTest.ids;
import static org.eligo.search.kit.TrialBuilder.trial;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.eligo.search.query.PageTokens;
import org.junit.jupiter.api.Test;

/** Search inputs that once misbehaved: each case is a defect found by using the search as people do. */
class SearchEdgeCasesTest {

  private static LuceneTrialIndex index(List<Trial> trials) {
    LuceneTrialIndex index = LuceneTrialIndex.inMemory();
    index.index(trials);
    return index;
  }

  @Test
  void aPageTokensFingerprintIsTheSameInEveryProcessAndForAnyOrderOfFilterValues() {
    TrialFilters one = TrialFilters.NONE.withOverallStatus(EnumSet.of(RecruitmentStatus.RECRUITING,
        RecruitmentStatus.NOT_YET_RECRUITING)).withCountries(Set.of("China", "Italy", "Japan"));
    TrialFilters other = TrialFilters.NONE.withOverallStatus(Set.of(RecruitmentStatus.NOT_YET_RECRUITING,
        RecruitmentStatus.RECRUITING)).withCountries(Set.of("Japan", "China", "Italy"));
    TrialQuery a = TrialQuery.builder().text("aplastic anemia").filters(one).sort(SortOrder.RELEVANCE).build();
    TrialQuery b = TrialQuery.builder().text("aplastic anemia").filters(other).sort(SortOrder.RELEVANCE).build();
    assertThat(PageTokens.fingerprint(a)).isEqualTo(PageTokens.fingerprint(b));
    // Made of names and sorted values only (a CRC-32 of them), so this value is the same in every JVM.
    assertThat(PageTokens.fingerprint(TrialQuery.builder().text("sirolimus").sort(SortOrder.RELEVANCE).build()))
        .isEqualTo(PageTokens.fingerprint(TrialQuery.builder().text("sirolimus").sort(SortOrder.RELEVANCE).build()))
        .isEqualTo("32365e1b");
  }

  @Test
  void aTokenFromBeforePagesCarriedTheirPositionStillContinuesTheSearchNumberedFromOne() {
    List<Trial> trials = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) trials.add(trial(String.format("NCT%08d", i)).condition("Aplastic Anemia").build());
    try (LuceneTrialIndex index = index(trials)) {
      TrialQuery.Builder q = TrialQuery.builder().sort(SortOrder.LAST_UPDATE).pageSize(2);
      SearchPage first = index.search(q.build());
      String token = first.nextPageToken().orElseThrow();
      SearchPage second = index.search(q.pageToken(token).build());
      assertThat(second.offset()).isEqualTo(2);
      assertThat(second.firstRank()).isEqualTo(3);
      String[] parts = new String(java.util.Base64.getUrlDecoder().decode(token),
          java.nio.charset.StandardCharsets.UTF_8).split("\\|");
      assertThat(parts).hasSize(6);
      String older = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", "p2", parts[1],
          parts[2], parts[3], parts[4]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      SearchPage fromOlder = index.search(q.pageToken(older).build());
      assertThat(ids(fromOlder)).isEqualTo(ids(second));
      assertThat(fromOlder.offset()).isZero();
      String negative = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts[0],
          parts[1], parts[2], parts[3], parts[4], "-4").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.search(q.pageToken(negative).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a page token");
    }
  }

  @Test
  void countryConditionAndDrugFiltersIgnoreCase() {
    try (LuceneTrialIndex index = index(List.of(
        trial("NCT00000001").condition("Aplastic Anemia").site("PUMCH", "Beijing", "China", RECRUITING, 39.9, 116.4)
            .build(),
        trial("NCT00000002").condition("ITP").site("Mayo", "Rochester", "United States", RECRUITING, 44.0, -92.5)
            .build()))) {
      assertThat(ids(index.search(TrialQuery.builder()
          .filters(TrialFilters.NONE.withCountries(Set.of("china"))).build()))).containsExactly("NCT00000001");
      assertThat(ids(index.search(TrialQuery.builder()
          .filters(TrialFilters.NONE.withCountries(Set.of("UNITED STATES "))).build()))).containsExactly("NCT00000002");
      assertThat(ids(index.search(TrialQuery.builder()
          .filters(TrialFilters.NONE.withConditions(Set.of("aplastic anemia"))).build())))
          .containsExactly("NCT00000001");
      assertThat(ids(index.search(TrialQuery.builder()
          .filters(TrialFilters.NONE.withCountries(Set.of("Atlantis"))).build()))).isEmpty();
    }
  }

  @Test
  void aSearchNearAPlaceWithThousandsOfTownsAroundWorks() {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 1100; i++) {
      trials.add(trial(String.format("NCT%08d", 10_000 + i)).condition("ITP")
          .site("Site " + i, "Town " + i, "China", RECRUITING, 39 + i * 0.001, 117 + i * 0.001).build());
    }
    trials.add(trial("NCT00009999").condition("ITP").site("Unplaced", "Town 5", "China", RECRUITING, null, null)
        .build());
    try (LuceneTrialIndex index = index(trials)) {
      SearchPage page = index.search(TrialQuery.builder().geo(GeoFilter.near(39, 117, 300)).pageSize(5).build());
      assertThat(page.total()).isEqualTo(1101);
    }
  }

  @Test
  void anOrdinaryWordThatIsAlsoSomeTrialsStudyIdDoesNotHideTheOthers() {
    try (LuceneTrialIndex index = index(List.of(trial("NCT00000001").orgStudyId("ITP").condition("ITP").build(),
        trial("NCT00000002").condition("ITP").build(), trial("NCT00000003").condition("ITP").build()))) {
      assertThat(ids(index.search(TrialQuery.builder().text("ITP").build())))
          .containsExactlyInAnyOrder("NCT00000001", "NCT00000002", "NCT00000003");
      assertThat(ids(index.search(TrialQuery.builder().text("ITP NOT NCT00000001").build())))
          .containsExactlyInAnyOrder("NCT00000002", "NCT00000003");
    }
  }

  @Test
  void freeTextWithOperatorsIgnoresQuerySyntaxAPersonDoesNotMean() {
    try (LuceneTrialIndex index = index(List.of(
        trial("NCT00000001").title("Sirolimus in aplastic anemia").condition("Aplastic Anemia").drug("Sirolimus")
            .build(),
        trial("NCT00000002").title("Danazol in ITP").condition("ITP").drug("Danazol").build()))) {
      assertThat(ids(index.search(TrialQuery.builder().text("sirolimus AND anemia: aplastic").build())))
          .containsExactly("NCT00000001");
      assertThat(ids(index.search(TrialQuery.builder().text("NOT danazol").build()))).containsExactly("NCT00000001");
      assertThat(ids(index.search(TrialQuery.builder().text("danazol AND ITP?").build())))
          .containsExactly("NCT00000002");
    }
  }

  @Test
  void aSiteWithoutCoordinatesIsPlacedInItsOwnCountrysCity() {
    try (LuceneTrialIndex index = index(List.of(
        trial("NCT00000001").condition("ITP").site("MGH", "Cambridge", "United States", RECRUITING, 42.37, -71.11)
            .build(),
        trial("NCT00000002").condition("ITP").site("Addenbrooke's", "Cambridge", "United Kingdom", RECRUITING,
            52.18, 0.14).build(),
        trial("NCT00000003").condition("ITP").site("Unplaced", "Cambridge", "United States", RECRUITING, null, null)
            .build()))) {
      SearchPage nearBoston = index.search(TrialQuery.builder().geo(GeoFilter.near(42.36, -71.06, 50)).build());
      assertThat(ids(nearBoston)).containsExactlyInAnyOrder("NCT00000001", "NCT00000003");
      TrialHit unplaced = nearBoston.hits().stream().filter(h -> h.nctId().equals("NCT00000003")).findFirst()
          .orElseThrow();
      assertThat(unplaced.nearestRecruitingSite().orElseThrow().distanceKm().getAsDouble()).isLessThan(50);
    }
  }

  @Test
  void aCityIsPlacedWithItsStateItsCountryOrBothAsTheRegistryShowsASite() {
    try (LuceneTrialIndex index = index(List.of(
        trial("NCT00000001").condition("ITP").site("MGH", "Cambridge", "Massachusetts", "United States", RECRUITING,
            42.37, -71.11).build(),
        trial("NCT00000002").condition("ITP").site("Addenbrooke's", "Cambridge", "Cambridgeshire", "United Kingdom",
            RECRUITING, 52.18, 0.14).build(),
        trial("NCT00000003").condition("ITP").site("PUMCH", "Beijing", "Beijing Municipality", "China", RECRUITING,
            39.91, 116.42).build()))) {
      // each form names the one Cambridge: the trials near it, as with its coordinates
      for (String place : List.of("Cambridge, Massachusetts", "Cambridge, Massachusetts, United States",
          "cambridge,massachusetts", "Cambridge, United States")) {
        assertThat(index.knowsPlace(place)).as(place).isTrue();
        assertThat(ids(index.search(TrialQuery.builder().geo(GeoFilter.nearCity(place, 50)).build()))).as(place)
            .containsExactly("NCT00000001");
      }
      assertThat(ids(index.search(TrialQuery.builder().geo(GeoFilter.nearCity("Cambridge, Cambridgeshire, United "
          + "Kingdom", 50)).build()))).containsExactly("NCT00000002");
      assertThat(ids(index.search(TrialQuery.builder().geo(GeoFilter.nearCity("Beijing, Beijing Municipality, "
          + "China", 50)).build()))).containsExactly("NCT00000003");
      // a state or country the city's sites are not in places nothing: never the other Cambridge
      for (String place : List.of("Cambridge, Ohio", "Cambridge, Massachusetts, United Kingdom", "Cambridge, ",
          "Beijing, Massachusetts")) {
        assertThat(index.knowsPlace(place)).as(place).isFalse();
      }
    }
  }

  @Test
  void relatedTrialsCountAQualifiedConditionOnceNameItByItsSharedWordsAndIgnoreDoseUnits() {
    try (LuceneTrialIndex index = index(List.of(
        trial("NCT00000001").condition("Severe Aplastic Anemia").drug("Colchicine 0.5 mg/day").build(),
        trial("NCT00000002").condition("Severe Aplastic Anemia").build(),
        trial("NCT00000003").condition("Aplastic Anemia").build(),
        trial("NCT00000004").condition("Gout").drug("Montelukast 10 mg/day").build()))) {
      java.util.Map<String, String> reasons = new java.util.HashMap<>();
      index.relatedTo("NCT00000001", 10).forEach(r -> reasons.put(r.nctId(), r.reason()));
      assertThat(reasons.get("NCT00000002")).isEqualTo("Same condition: severe aplastic anemia");
      assertThat(reasons.get("NCT00000003")).isEqualTo("Same condition: aplastic anemia");
      assertThat(reasons.getOrDefault("NCT00000004", "")).doesNotContain("same drug");
    }
  }
}
