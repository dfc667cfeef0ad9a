package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eligo.core.trial.Trial;
import org.eligo.search.kit.Fixtures;
import org.eligo.search.kit.RandomTrials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The total a search reports (and its facets) is counted in a pass of its own, while the page is ranked with Lucene
 * skipping what cannot reach it: paging through every result must give exactly that many trials, each once, in every
 * sort order, for free text (with synonyms, phrases and operators), conditions, interventions, query.term and
 * query.locn.
 */
class TotalsMatchPagesTest {

  private static LuceneTrialIndex index;

  @BeforeAll
  static void build() {
    List<Trial> trials = new ArrayList<>(Fixtures.trials());
    trials.addAll(Fixtures.bundled());
    trials.addAll(new RandomTrials(20261205L).generate(300));
    index = Fixtures.index(trials);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static Stream<String> freeText() throws IOException {
    List<String> texts = new ArrayList<>(List.of("aplastic anaemia", "\"red cell aplasia\"", "sirolimus AND children",
        "ITP NOT romiplostim", "TPO-RA ITP", "mTOR inhibitor", "Evans syndrome children", "CsA refractory SAA Beijing",
        "anti-thymocyte globulin", "rapamycin OR tacrolimus", "hematology", "NCT03364764 sirolimus"));
    try (InputStream in = TotalsMatchPagesTest.class.getResourceAsStream("/relevance/queries.tsv")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(line -> texts.add(line.split("\t")[0]));
    }
    return texts.stream();
  }

  @ParameterizedTest(name = "free text: {0}")
  @MethodSource("freeText")
  void freeTextTotalIsWhatThePagesHold(String text) {
    assertTotalIsWhatThePagesHold(b -> b.text(text));
  }

  @ParameterizedTest(name = "query.cond / query.intr / query.term / query.locn: {0}")
  @MethodSource("freeText")
  void fieldQueriesTotalIsWhatThePagesHold(String text) {
    assertTotalIsWhatThePagesHold(b -> b.condition(text));
    assertTotalIsWhatThePagesHold(b -> b.intervention(text));
    assertTotalIsWhatThePagesHold(b -> b.term(text.replace("\"", "")));
    assertTotalIsWhatThePagesHold(b -> b.locationText("China OR Beijing OR Paris OR Ohio"));
  }

  private static void assertTotalIsWhatThePagesHold(UnaryOperator<TrialQuery.Builder> query) {
    for (SortOrder sort : SortOrder.values()) {
      // sorting by distance needs a place: all sites within 20,000 km of Beijing
      GeoFilter geo = sort == SortOrder.DISTANCE ? GeoFilter.near(39.90, 116.40, 20_000) : null;
      SearchPage first = index.search(query.apply(TrialQuery.builder()).sort(sort).geo(geo).pageSize(7).facetLimit(5)
          .build());
      Set<String> seen = new HashSet<>();
      int pages = 0;
      SearchPage page = first;
      while (true) {
        page.hits().forEach(hit -> assertThat(seen.add(hit.nctId())).as("%s seen twice", hit.nctId()).isTrue());
        if (page.nextPageToken().isEmpty() || ++pages > 200) break;
        page = index.search(query.apply(TrialQuery.builder()).sort(sort).geo(geo).pageSize(7)
            .pageToken(page.nextPageToken().get()).build());
      }
      assertThat(seen).as("trials paged through, sorted by %s", sort).hasSize((int) first.total());
    }
  }
}
