package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.eligo.search.kit.TrialBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging through last-update and distance sorts with many ties, in large segments with deletes. */
class PagingWithTiesTest {

  private static final String[] DATES = {"2020-01-15", "2021-06", "2022", null};
  private static final double[][] PLACES = {{39.90, 116.40}, {39.13, 117.20}, {45.46, 9.19}};
  private static LuceneTrialIndex index;
  private static Map<String, Trial> live;

  static List<Trial> generate(long seed, int n) {
    Random r = new Random(seed);
    List<Trial> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TrialBuilder b = TrialBuilder.trial(String.format("NCT%08d", 20_000_000 + i)).lastUpdate(DATES[r.nextInt(4)])
          .condition("Aplastic Anemia");
      for (int s = r.nextInt(3); s > 0; s--) {
        double[] p = PLACES[r.nextInt(3)];
        b.site("H", "C", "China", r.nextBoolean() ? RecruitmentStatus.RECRUITING : RecruitmentStatus.COMPLETED, p[0], p[1]);
      }
      all.add(b.build());
    }
    return all;
  }

  @BeforeAll
  static void build() {
    List<Trial> a = generate(1, 9_000);
    List<Trial> b = generate(2, 9_000);
    index = LuceneTrialIndex.inMemory();
    index.index(a);
    index.commit("1");
    index.search(TrialQuery.builder().facetLimit(3).build());
    index.index(b.subList(0, 2_000));
    for (int i = 3_000; i < 3_700; i++) index.delete(a.get(i).nctId());
    live = new LinkedHashMap<>();
    for (Trial t : a) live.put(t.nctId(), t);
    for (Trial t : b.subList(0, 2_000)) live.put(t.nctId(), t);
    for (int i = 3_000; i < 3_700; i++) live.remove(a.get(i).nctId());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void lastUpdatePagesAreTheExpectedOrder() {
    List<String> expected = live.values().stream().sorted(Comparator
        .comparingLong((Trial t) -> t.status().lastUpdatePostDate() == null ? Long.MIN_VALUE
            : t.status().lastUpdatePostDate().lastDay().toEpochDay()).reversed()
        .thenComparing(Trial::nctId)).map(Trial::nctId).toList();
    List<String> paged = page(TrialQuery.builder().sort(SortOrder.LAST_UPDATE), expected.size());
    assertThat(paged).containsExactlyElementsOf(expected);
  }

  @Test
  void distancePagesEachTrialOnceInOrder() {
    List<String> paged = new ArrayList<>();
    TrialQuery.Builder q = TrialQuery.builder().sort(SortOrder.DISTANCE).geo(GeoFilter.near(39.90, 116.40, 20_000));
    SearchPage first = index.search(q.pageSize(97).facetLimit(5).build());
    SearchPage page = first;
    double last = -1;
    String lastId = "";
    while (true) {
      assertThat(page.offset()).isEqualTo(paged.size());
      for (TrialHit h : page.hits()) {
        paged.add(h.nctId());
        double d = h.nearestRecruitingSite().flatMap(s -> s.distanceKm().isPresent()
            ? java.util.Optional.of(s.distanceKm().getAsDouble()) : java.util.Optional.empty()).orElse(1e9);
        assertThat(d >= last - 1e-6).as("%s after %s", h.nctId(), lastId).isTrue();
        if (Math.abs(d - last) < 1e-6) assertThat(h.nctId()).isGreaterThan(lastId);
        last = d;
        lastId = h.nctId();
      }
      if (page.nextPageToken().isEmpty()) break;
      page = index.search(TrialQuery.builder().sort(SortOrder.DISTANCE).geo(GeoFilter.near(39.90, 116.40, 20_000))
          .pageSize(97).pageToken(page.nextPageToken().get()).build());
    }
    assertThat(new HashSet<>(paged)).hasSize(paged.size());
    assertThat(paged).hasSize((int) first.total());
  }

  private static List<String> page(TrialQuery.Builder q, int expectedTotal) {
    List<String> paged = new ArrayList<>();
    SearchPage first = index.search(q.pageSize(97).facetLimit(5).build());
    assertThat(first.total()).isEqualTo(expectedTotal);
    SearchPage page = first;
    while (true) {
      assertThat(page.offset()).as("each page is numbered on from the trials shown before it").isEqualTo(paged.size());
      assertThat(page.firstRank()).isEqualTo(paged.size() + 1);
      page.hits().forEach(h -> paged.add(h.nctId()));
      if (page.nextPageToken().isEmpty()) break;
      page = index.search(q.pageSize(97).facetLimit(5).pageToken(page.nextPageToken().get()).build());
    }
    return paged;
  }
}
